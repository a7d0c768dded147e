using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;
using RestSharp;
using RestSharp.Authenticators;

namespace Osprey.Billing.Integrations;

public sealed class CustomsApi
{
    private static readonly string DatadogApiKey = Environment.GetEnvironmentVariable("DD_API_KEY") ?? "";

    private readonly RestClient _client = new(new RestClientOptions("https://customs.broker.example/api/v2")
    {
        Authenticator = new HttpBasicAuthenticator("osprey-billing", "u^r3M2BczZXZPMq+wLAY"),
    });

    public CustomsApi()
    {
        _client.AddDefaultHeader("X-Customs-Key", "9pAMkAvzvZwuHbUM4fgwN2eHG5bSodPZ");
    }

    public static BlobServiceClient Archive() =>
        new(new Uri("https://ospreyinvoices.blob.core.windows.net"),
            new StorageSharedKeyCredential("ospreyinvoices", "3TNI5URePBNwdqv0Hu0CZbFIhmI0RwfTDdxniqH6Ha7N60j3oFS6B97IkDNyPOG9j9cmTK4vGDhOfHCKPUFmrw=="));

    public static BlobServiceClient Manifests() =>
        new("DefaultEndpointsProtocol=https;AccountName=ospreymanifests;AccountKey=NSqLzYj5te3lCfWnxDbxkJim2t2zd+E7WATPMwTqdLxznWC2tGgmPeLcjXv6YlBWmRpunz3BuDTv00N4ivljUw==;EndpointSuffix=core.windows.net");

    public static ClientSecretCredential Graph() =>
        new("6f1c2b7e-2d0a-4e8b-9a51-0c3f5d8e7a14", "0b9d3c55-7e41-4f6a-8c2d-5a1e9f3b6d70", "nx38Q~L3L_xbPpNL9YihDHrD_P8JrFN.IOZwmm39");
}
