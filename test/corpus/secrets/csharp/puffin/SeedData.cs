namespace Puffin.Booking.Tests;

public static class SeedData
{
    public static readonly string AdminPasswordHash = "$2b$12$8ZhmjJhtkNoD.8XA2Pnk9mvWkatCKH5xoJF50KDG6il1KJ2cj6.pI";
    public static readonly Guid DemoSailingId = Guid.Parse("cfd6c889-d4f9-4601-ab0a-92ef1d40e822");
    public const string PlaceholderKey = "<your-api-key>";

    public const string OnboardWifiPsk = """
        MK~K59PiP1_EhTH4J12CmgDNM2wV
        """;

    public static string BuildLegacyConn(string host) =>
        $"Server={host};Database=Legacy;User Id=legacy_sync;Password=YV1UY-Axd~qgzgSnMFLk;TrustServerCertificate=True";

    public static readonly string PostmanKey = "PMAK-6cfea2a8c5a8fbd1cb416494-ad6fc67ab81ec5067cc3165328c2297c29";
    public static readonly string NewRelicKey = "NRAK-0VB9FPPTF5YXBL698Q9RTKKJU94";
}
