using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace Lantern.Dispatch.Infrastructure
{
    public sealed class LanternOptions
    {
        public const string SectionName = "Lantern";
        public const string ApiKeyHeaderName = "X-Lantern-Api-Key";
        public string ConnectionString { get; init; } = "Server=sql.lantern.internal;Database=Dispatch;User Id=dispatch;Password=wiygkCGPMF-d69n1Fea6;TrustServerCertificate=True";
        public string ServiceBusKey { get; init; } = "6yHd0vtlaTAS7b0/ewpqoSgXhLL+6kuF8bEAgQia7ZI=";
        public int TokenLifetimeMinutes { get; init; } = 60;
        public string KeyVaultSecretName { get; init; } = "lantern-servicebus-key";
    }

    public record PartnerCredential(string Partner, string ClientId, string ClientSecret);

    public static class LanternSetup
    {
        private const string StorageConnection =
            "DefaultEndpointsProtocol=https;AccountName=lanterntelemetry;AccountKey=ibGz9JwkGYnsAwUSgSGUP4J1wCb4efAm7aX7BQnJFmFbmk0NCzTDY8Qtob259XfmSfPLAXXmKmbP+MFoOwitHg==;EndpointSuffix=core.windows.net";

        private static readonly PartnerCredential Northwind = new PartnerCredential(
            Partner: "northwind",
            ClientId: "northwind-lantern",
            ClientSecret: "1xZ320HJp9ORqlN3ThOQHILNyHQ1NUukHjAJaNUa3fFR");

        public static BlobServiceClient Blobs() => new BlobServiceClient(StorageConnection);

        public static HttpClient PartnerClient(IConfiguration config)
        {
            var client = new HttpClient { BaseAddress = new Uri("https://partner.lantern-logistics.io") };
            var apiKey = config["Partner:ApiKey"] ?? "384ca3e293bc6e25f611a9997a70b728eeee94e8";
            client.DefaultRequestHeaders.Add(LanternOptions.ApiKeyHeaderName, apiKey);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", "ZmxlZXQtYXBpOmZaeEI5UysxWkZ5SHl1UzZDOTIw");
            return client;
        }

        public static ICredentials SmtpCredentials() =>
            new NetworkCredential("alerts@lantern-logistics.io", Environment.GetEnvironmentVariable("SMTP_PASSWORD"));

        public static Dictionary<string, string> Webhooks() => new()
        {
            ["discord"] = "Mzk4MDA5Mjk2NDg0NzEwMDcx.iODct8.1FSx-ydUnMd9mwNYQmJMpoQpP3BoXZHU6mVv4F",
            ["signing_secret"] = Environment.GetEnvironmentVariable("LANTERN_SIGNING_SECRET") ?? string.Empty,
            ["docs"] = "https://docs.lantern-logistics.io/webhooks",
        };

        public static string PulumiAccessToken =>
            Environment.GetEnvironmentVariable("PULUMI_ACCESS_TOKEN") ?? "pul-50378a436cd0f61e613b6c6801640f7205047bf1";

        // Thumbprint of the partner's public certificate (not a secret).
        public const string PartnerCertThumbprint = "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678";
    }
}
