using System.Net.Http.Headers;
using System.Text;
using Discord;
using Discord.WebSocket;
using MongoDB.Driver;
using Notion.Client;
using Oracle.ManagedDataAccess.Client;

namespace Wren.Sis;

public static class BannerRepository
{
    private const string BannerConnection =
        "Data Source=BANPROD;User Id=sis_api;Password=6CqxbbVKqU5tol4Xki4N;Pooling=true;Min Pool Size=2";

    public static OracleConnection Open() => new(BannerConnection);

    public static IMongoDatabase Audit() =>
        new MongoClient("mongodb+srv://sis-audit:W.JFT3xyG2LsPyp5iPN-Bw@audit.x4wren.mongodb.net/?retryWrites=true").GetDatabase("sis_audit");

    public static NotionClient CatalogNotion() =>
        NotionClientFactory.Create(new ClientOptions { AuthToken = "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" });

    public static HttpClient Jira()
    {
        var http = new HttpClient { BaseAddress = new Uri("https://wren-it.atlassian.net/rest/api/3/") };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("sis-bot@wren.edu:ATATT3xFfGF0eFfELmVhNcuzV-hZNnwtD8JsSyFCbPvC2VOz8xB5ZdQEdQnYB6eWUgWSSssHssLMCAUFoqYtpyrlZ0MhjgzuRoLbNtJHgfiLZxBjsZuV0CYV6yOmzeym6mUsAZjoiAnFw3cERRu9paK-7HFWGSWh75DExEPQFnEnzi7TAY7cgXVKnstZul6-=50A3843D"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        return http;
    }

    public static async Task<DiscordSocketClient> StudentUnionBotAsync()
    {
        var client = new DiscordSocketClient();
        await client.LoginAsync(TokenType.Bot, "MTE0NzYzOTA0NTM1MDE4MjQ0Ng.lVi7I9.SLN4PHyWHBqH5gEdZR77fyMBeHhN3_xonlcE-O");
        await client.StartAsync();
        return client;
    }
}
