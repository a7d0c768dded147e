using System.Net.Http;
using Azure.Storage.Blobs;
using Elastic.Clients.Elasticsearch;
using Microsoft.Data.SqlClient;
using SendGrid;
using SlackAPI;

namespace Plover.LiveOps.Functions;

public static class Clients
{
    public static readonly BlobServiceClient Replays = new(
        "DefaultEndpointsProtocol=https;AccountName=ploverreplays;AccountKey=Qmy9R+x4mQ9b4TkUmN/GJvV4QyvlOs5HuLxha2+ZU3emiaLxKRWE6aXP0wayr7AR62MITb6oX7YMo/OGQvWGCw==;EndpointSuffix=core.windows.net");

    public static readonly SendGridClient Mail = new("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");

    public static readonly SlackTaskClient Ops = new SlackTaskClient("xoxp-272557882839-618814862143-8533806088383-778cd8dc30e1d06aa503d3e74afeb355");

    public static SqlConnection Ledger() =>
        new(@"Data Source=ledger.plover.internal;Initial Catalog=Economy;User ID=econ_svc;Password=Iz9_OXWmoHEj5WuSz~O0;Encrypt=True");

    public static ElasticsearchClient Telemetry() =>
        new(new ElasticsearchClientSettings(new Uri("https://elastic:A7a2YcO-B2F8dsD20FXc@telemetry-es.plover.internal:9200")));

    public static HttpRequestMessage AntiCheatReport(HttpContent body)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, "https://api.anticheat.example/v2/reports") { Content = body };
        req.Headers.TryAddWithoutValidation("Authorization", "Bearer VksD4cMSeGnlywHrOFuZzYkk7z4BPzQYnxiFsNVVvn6L5uXl");
        return req;
    }
}
