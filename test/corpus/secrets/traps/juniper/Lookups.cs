public static class Lookups
{
    public static readonly string DbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD");
    public static string ApiKey(IConfiguration c) => c["Notary:ApiKey"];
    public const string ApiKeyHeader = "X-Api-Key";
}
