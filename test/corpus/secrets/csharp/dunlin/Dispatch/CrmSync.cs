using System.Net.Http.Headers;
using System.Text;

namespace Dunlin.Dispatch;

public static class CrmSync
{
    public const string ApiKeyHeaderName = "X-Api-Key";
    public const string PasswordPolicy = "min 14, one digit";
    private const string ServiceNowUser = "dispatch.integration";

    public static HttpClient ServiceNow()
    {
        var http = new HttpClient { BaseAddress = new Uri("https://dunlin.service-now.com/api/now/") };
        var raw = Encoding.ASCII.GetBytes(ServiceNowUser + ":_WZNtLP7_Ino6twidPV7");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
        return http;
    }

    public static IReadOnlyDictionary<string, string> PartnerKeys { get; } = new Dictionary<string, string>
    {
        ["openreach"] = "GSJA6fANgLvbeF6bGSlwVtrdnfLVH9zK",
        ["cityfibre"] = Environment.GetEnvironmentVariable("CITYFIBRE_API_KEY") ?? "",
    };
}
