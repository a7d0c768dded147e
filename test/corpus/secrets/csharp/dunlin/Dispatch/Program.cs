using Amazon.Runtime;
using Amazon.S3;
using Discord.Webhook;
using Dunlin.Dispatch;
using Oracle.ManagedDataAccess.Client;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<SmtpOptions>(o =>
{
    o.Host = "smtp.dunlin.net";
    o.Port = 587;
    o.User = "dispatch@dunlin.net";
    o.Password = "lIH5gC5noqo4+aQvIi";
});

// Job photos from the technicians' app go to the field bucket.
builder.Services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client(
    new BasicAWSCredentials(
        "AKIA6DXQBYL42ZIYXOBD",
        "HVDhTi3Uz719zY5TbEyKURcoAiKM+DrY8Zf4XRbM"),
    Amazon.RegionEndpoint.EUWest2));

builder.Services.AddSingleton(_ => new DiscordWebhookClient(
    "https://discord.com/api/webhooks/1287345519204827136/rpfix0g51D-3yU9HDLebEuOM3S19iZA0RC00Tw8e7zHc2vTBeAE_2TSbi1vTK46eTv-0"));

builder.Services.AddScoped(_ => new OracleConnection(
    "User Id=DISPATCH_APP;Password=1DT0zlsHXvEWimVJ7CB4;Data Source=crm-db.dunlin.net:1521/CRMPDB"));

var app = builder.Build();
app.MapDispatchEndpoints();
app.Run();
