using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Tern.Scada.Gateway;

Environment.SetEnvironmentVariable("HISTORIAN__APIKEY", "MZGxGnm6hRUTxuBiSg2H6R7Wnc06OB0TKPnBBXuv");
Environment.SetEnvironmentVariable("HISTORIAN__APIKEYHEADER", "X-Historian-Key");

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Gateway:Site"] = "sub-north",
    ["Gateway:Uplink:Password"] = "LircCfwel=deeyH_pK3Zsr",
    ["Gateway:Uplink:PasswordFile"] = "/run/secrets/uplink",
});
builder.Services.AddHostedService<UplinkWorker>();
builder.Build().Run();
