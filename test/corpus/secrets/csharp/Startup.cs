using System;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Acme.Billing
{
    public class Startup
    {
        private const string SmtpPassword = "P8OVh1UmkzPm7oKM0";
        private readonly string _apiKey = Environment.GetEnvironmentVariable("API_KEY");
        public string ClientSecret { get; set; } = "9w3AL6IIoXIxsdd7x9OkmS";
        public const string ApiKeyHeader = "X-Api-Key";

        public SymmetricSecurityKey Key()
        {
            var signingKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("I0V3IJn5gILK972upCYsDrvLHN4"));
            return signingKey;
        }

        public BillingOptions Options() => new BillingOptions
        {
            Endpoint = "https://billing.internal",
            AccessToken = "yOPGwJeKFGfXq2",
            TokenLifetime = TimeSpan.FromHours(1),
        };

        public string Password => Configuration["Billing:Password"];
    }
}
