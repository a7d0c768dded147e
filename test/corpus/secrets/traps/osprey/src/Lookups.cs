namespace Osprey.Config;

public sealed class Lookups(IConfiguration configuration)
{
    public string SmtpPassword => configuration["Smtp:Password"]!;
    public string StripeKey => Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY") ?? string.Empty;
    public string Billing => configuration.GetConnectionString("Billing")!;
    public const string ApiKeyHeaderName = "X-Customs-Key";
    public const string PasswordPolicy = "min 12 chars, 1 digit";
}
