namespace Wren.Alumni;

public static class Lookups
{
    public static string GivingApiKey(IConfiguration configuration) => configuration["Giving:ApiKey"]!;
    public static string? SmtpPassword() => Environment.GetEnvironmentVariable("ALUMNI_SMTP_PASSWORD");
    public const string PasswordFieldName = "Password";
    public const string ApiKeyHeader = "X-Giving-Api-Key";
}
