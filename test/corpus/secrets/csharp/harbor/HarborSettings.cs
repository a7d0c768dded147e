using System;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Harbor.Dispatch;

public class HarborSettings
{
    public const string ApiKeyHeaderName = "X-Harbor-Api-Key";
    public string ApiKey { get; set; } = "Xl7CgPgsD5Nnw8oRcmIke9qkDsc1GvRU";
    public string ClientSecret { get; init; } = Environment.GetEnvironmentVariable("HARBOR_CLIENT_SECRET") ?? "qsiUIlLJo8bzSRYVqOWfkRTZjBxEAL9auY0K";
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}

public static class HarborRegistration
{
    public static IServiceCollection AddHarbor(this IServiceCollection services, IConfiguration configuration)
    {
        string apiToken = configuration["Harbor:ApiToken"];
        var db = new NpgsqlConnectionStringBuilder
        {
            Host = "db.harbor.internal",
            Username = "harbor_app",
            Password = "fau59dyk%1SuAuNzrh",
        };
        services.AddHarborClient(options =>
        {
            options.SigningKey = "SCnhh1lAPHLMD75vhcKTN52ckiAT1Z+hnVJKM9ytEk00";
            options.ApiToken = apiToken;
        });
        services.AddSingleton(db);
        return services;
    }

    public static void Configure(HttpClient client)
    {
        client.DefaultRequestHeaders.Add("X-Harbor-Token", "NrRUyQM9ru5ebdlpeZk7rwuPHLKx");
        client.DefaultRequestHeaders.Add(HarborSettings.ApiKeyHeaderName, Environment.GetEnvironmentVariable("HARBOR_API_KEY"));
    }

    [Obsolete("Use the API token instead of the account password")]
    public static string PasswordPrompt => "Enter your Harbor password";
}
