namespace Acme.Billing
{
    public class Settings
    {
        // expect: secret-generic-password@53-69
        public string ClientSecret { get; set; } = "Tz6Lq2Wr9Xk4Mv8P";
        // expect: secret-generic-password@46-62
        private const string SmtpPassword = "Vn3Rw8Kz5Lt2Xq7M";
        // expect-not: secret-generic-password
        private readonly string _apiKey = Environment.GetEnvironmentVariable("API_KEY");
    }
}
