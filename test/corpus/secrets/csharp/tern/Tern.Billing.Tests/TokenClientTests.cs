using System.Net.Http;
using Xunit;

namespace Tern.Billing.Tests;

public class TokenClientTests
{
    private const string CertificateThumbprint = "6e1bea7a0fb5c5882aadfdbee25cd8caa5bb7fcd";
    private const string ClientSecretSettingName = "Billing:Sso:ClientSecret";

    [Fact]
    public async Task Requests_a_token_with_client_credentials()
    {
        var form = new FormUrlEncodedContent(new[]
        {
            new KeyValuePair<string, string>("grant_type", "client_credentials"),
            new KeyValuePair<string, string>("client_id", "billing-tests"),
            new KeyValuePair<string, string>("client_secret", "V78gUT4YRdWmPQ9AuNQx5yZB8k4xDgev"),
        });
        using var http = new HttpClient();
        var response = await http.PostAsync("https://login-staging.tern-energy.example/realms/billing/protocol/openid-connect/token", form);
        Assert.True(response.IsSuccessStatusCode, ClientSecretSettingName);
    }
}
