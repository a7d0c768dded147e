namespace Kestrel.Traps;

public sealed class Lookups(IConfiguration config)
{
    public const string ApiKeyHeaderName = "X-Billing-Key";
    public string DbPassword => config["ConnectionStrings:BillingPassword"] ?? string.Empty;
    public string? JwtKey => Environment.GetEnvironmentVariable("JWT_KEY");
    public string StripeKey => config.GetValue<string>("Stripe:SecretKey")!;
    public TimeSpan TokenLifetime { get; } = TimeSpan.FromMinutes(15);
    public const string PasswordResetPurpose = "ResetPassword";
}
