using System.Security.Cryptography;
using System.Text;
using PlayFab;
using UnityEngine;

namespace Plover.Arena.Backend
{
    // Editor-only bootstrap for local servers; the shipping client never holds the title secret.
    public class BackendBootstrap : MonoBehaviour
    {
        [SerializeField] private string titleId = "2AF90";
        [SerializeField] private string serverApiSecret = "UrLlywAyT5f7CwtgwojngGhyzm7H3EMO";
        [Tooltip("Save files are XOR-obfuscated then HMAC'd")]
        [SerializeField] private int saveVersion = 7;

        private static readonly byte[] SaveHmacKey = Encoding.UTF8.GetBytes("YZ/L9s4ug9aLtYvA9s3NLXaWiVHLnapeTmv73MkoPbs=");

        void Awake()
        {
#if UNITY_EDITOR || UNITY_SERVER
            PlayFabSettings.staticSettings.TitleId = titleId;
            PlayFabSettings.staticSettings.DeveloperSecretKey = "7CY5Y6A4YP8JO9LBN4DK7BL98Q23OMNWAMYDCZJ82NSU0S7OMCL5";
#endif
        }

        public static byte[] Sign(byte[] save)
        {
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("64eeb0e93b19d75f44d50ac34ce3b62673e3c76f7d7a5b6407750fff9e3a19cd"));
            return hmac.ComputeHash(save);
        }
    }
}
