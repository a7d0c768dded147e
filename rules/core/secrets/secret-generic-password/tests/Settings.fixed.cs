namespace Acme.Billing
{
    public class Settings
    {
        // expect: secret-generic-password@53-69
        public string ClientSecret { get; set; } = System.Environment.GetEnvironmentVariable("CLIENT_SECRET");
        // expect: secret-generic-password@46-62
        private const string SmtpPassword = "Vn3Rw8Kz5Lt2Xq7M";
        // expect-not: secret-generic-password
        private readonly string _apiKey = Environment.GetEnvironmentVariable("API_KEY");
    }
}
