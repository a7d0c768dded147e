namespace Puffin.Traps;

public sealed class Lookups(IConfiguration configuration)
{
    public const string ApiKeyHeader = "X-Puffin-Key";
    public const string SecretName = "booking-db";
    public string? DbPassword => configuration["Booking:DbPassword"];
    public string? StripeKey => Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY");
    public string ClientSecret => configuration.GetValue<string>("AzureAd:ClientSecret") ?? string.Empty;
    public static readonly Guid TenantId = Guid.Parse("098fcbb9-422f-4514-a8f8-7fefb8ec90c3");
    public string PasswordHint => "Use at least 12 characters";
}
