using System;
using System.Security.Cryptography;
using System.Text;

static class Calls15
{
    public static byte[] Sign(byte[] save)
    {
        // An HMAC named with its hash glued on, its key through a conversion to bytes; the variable is named `hmac`.
        // expect: secret-generic-password@65-129
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("b690107c8acce6654fa5d6ff4f6d60acf33f82ccd2c30c56c272148749b074a5"));
        return hmac.ComputeHash(save);
    }

    public static byte[] SignHex(byte[] save)
    {
        // The same class through a hex decoder, under a neutral variable.
        // expect: secret-generic-password@66-130
        using var signer = new HMACSHA512(Convert.FromHexString("06a69da181859d590058157d894065fb35e5a9948824be573e36c67cb5f0d23c"));
        return signer.ComputeHash(save);
    }

    public static byte[] SignWith(byte[] save)
    {
        // expect-not: secret-generic-password
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("SAVE_HMAC_KEY") ?? ""));
        return hmac.ComputeHash(save);
    }
}
