using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;

namespace Quarry.Dispatch
{
    public record QuarryOptions(string ClientId, string ClientSecret);

    public static class QuarryDefaults
    {
        private const string ApiKey = "jyWV3AdXKW1oIUIkrHI0gdTL4QUtQBSV";
        public const string ApiKeyHeader = "X-Quarry-Key";

        public static readonly QuarryOptions Options = new("quarry-dispatch", "El2kiKnHyjds200W9JWemQ8i4q0bp4wIEy2y");

        public static Dictionary<string, string> Settings() => new()
        {
            ["WebhookSecret"] = "2569fbebf1836395b12f3fff50a84a60d1a90561",
            ["Region"] = "eu-west-1",
        };

        public static NetworkCredential Credential() =>
            new NetworkCredential("dispatch", "IaQOw8yEDqJwzw8D6HLQ");

        public static void Authorize(HttpRequestMessage request)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", ApiKey);
            request.Headers.Add("X-Request-Id", Guid.NewGuid().ToString());
        }

        public static string Token => Environment.GetEnvironmentVariable("QUARRY_TOKEN") ?? string.Empty;
        public static int PasswordMinLength { get; } = 14;
    }
}
