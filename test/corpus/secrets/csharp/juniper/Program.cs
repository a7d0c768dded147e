using Azure.Storage.Blobs;
using MassTransit;
using Stripe;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(new BlobServiceClient(
    "DefaultEndpointsProtocol=https;AccountName=juniperesigndocs;AccountKey=tIcoB1Roi8my1D3kdlq6hPRNyPjZDJIndCWm2YPms1BQQCIbNDMI8+9Opdpr6MB7POuYr0mPDHuAogGRk1giWQ==;EndpointSuffix=core.windows.net"));

builder.Services.AddDbContext<EnvelopeDb>(o => o.UseSqlServer(
    "Server=tcp:sql.internal,1433;Database=Envelopes;User Id=esign_app;Password=^_ElW-gsBn2kHinjHwLp;Encrypt=True"));

builder.Services.AddMassTransit(x => x.UsingRabbitMq((ctx, cfg) =>
{
    cfg.Host("rabbit.internal", "/", h =>
    {
        h.Username("esign");
        h.Password(Environment.GetEnvironmentVariable("RABBIT_PASSWORD"));
    });
}));

builder.Services.AddHttpClient("notary", c =>
{
    c.DefaultRequestHeaders.Add("X-Notary-Key", "bd63e9ab7f3b19a644ef443e8550501d");
});

StripeConfiguration.ApiKey = "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";

var app = builder.Build();
app.Run();
