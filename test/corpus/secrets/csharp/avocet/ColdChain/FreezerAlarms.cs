using AirtableApiClient;
using Oracle.ManagedDataAccess.Client;

namespace Avocet.ColdChain;

/// <summary>-80 °C freezer probes post readings here; excursions page the on-call lab manager.</summary>
public static class FreezerAlarms
{
    public const string ApiKeyHeaderName = "X-ColdChain-Key";
    public const string ProbeSecretName = "coldchain/probe-hmac";

    internal static readonly byte[] ProbeHmacKey = Convert.FromHexString(
        "5bc3ca7f688f4cc2f5d2da11a70649172f170807a83ab387ffe26c53edd00528");

    public static AirtableBase Roster() =>
        new AirtableBase("patT1GMaFrlV7m0jR.94d7da47f3e1f6d8585658f9264524d961b12c00ffe03237c55ad1e7a74f6445", "appNbpnNkQ7igsRSm");

    public static OracleConnection Facilities() =>
        new("User Id=COLDCHAIN;Password=aOxVPQm6rIY5NNWuh1JV;Data Source=facilities-db.avocet.bio:1521/FACPRD");
}
