using Amazon.Runtime;
using Microsoft.Data.SqlClient;
using MongoDB.Driver;
using RabbitMQ.Client;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);

const string PortalApiKey = "Agqhp9EHO6CQmNDL0hJQ7sqgaLoAIzEB5phmzcyn";
const string ApiKeyHeader = "X-Puffin-Key";

builder.Configuration["Payments:Adyen:ApiKey"] = "8BlluOjRp6IGj7o3ftSCgGtXXT7ZeJOMhtjSe5IjkytO9dyK";

builder.Services.Configure<CrewPortalOptions>(o => o.ClientSecret = "VdyhFWIHrQu8lLULkrU0kbEwGf14SFVNLci9l65z");

var sql = new SqlConnectionStringBuilder
{
    DataSource = "tcp:resv-sql01.puffin.local,1433",
    UserID = "resv_app",
    Password = builder.Configuration["Reservations:Password"],
    InitialCatalog = "Reservations",
};

var rabbit = new ConnectionFactory
{
    HostName = "mq.puffin.internal",
    UserName = "checkin",
    Password = Environment.GetEnvironmentVariable("RABBITMQ_PASSWORD"),
};

var mongoSettings = MongoClientSettings.FromConnectionString("mongodb://mongo-a.puffin.internal:27017,mongo-b.puffin.internal:27017/?replicaSet=rs0");
mongoSettings.Credential = MongoCredential.CreateCredential("admin", "loyalty", "w6f4Aor~GAnG0^QMx5Zs");

var aws = new BasicAWSCredentials(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"));

var redis = ConnectionMultiplexer.Connect("cache.puffin.internal:6380,ssl=true,password=0n.t~uIblkKmQU~RR_Yr,abortConnect=false");

builder.Services.AddHttpClient("timetables", c =>
{
    c.BaseAddress = new Uri("https://timetables.partner.test/");
    c.DefaultRequestHeaders.Add("X-Api-Key", builder.Configuration["Timetables:ApiKey"]);
    c.DefaultRequestHeaders.Add(ApiKeyHeader, PortalApiKey);
});

var storage = $"DefaultEndpointsProtocol=https;AccountName=puffindocs;AccountKey={Environment.GetEnvironmentVariable("DOCS_STORAGE_KEY")};EndpointSuffix=core.windows.net";

var verbatimPem = @"-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgK4ttsl/uHlhzSUxz
6mn2r6TpyfA+mwb+mcG9bw0i3o+hRANCAASgdt7p8cAtj6/w+vk2QBL1fZhzw2bh
+K1+upzCh/KDRNI1LKLgQoIX8Wnz353iVIIsmWs6um4yU/7OOYYemyvD
-----END PRIVATE KEY-----";

var tenantId = "25bc535d-eb64-48e0-b55f-8b0a4822c64e";
var clientId = "2bbff7c4-4dcc-45c3-8c55-7f198ec6a27f";
var azureAdSecret = new Azure.Identity.ClientSecretCredential(tenantId, clientId, "wKJ8Q~OvpF4k0xh3XbWGPzSbg.E8ae5FqzNZHJFs");

var app = builder.Build();
app.Run();

record CrewPortalOptions
{
    public string ClientSecret { get; set; } = "";
    public string SecretName { get; init; } = "crew-portal";
}
