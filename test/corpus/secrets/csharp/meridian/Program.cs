using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Data.SqlClient;
using Microsoft.IdentityModel.Tokens;
using System.Text;

var builder = WebApplication.CreateBuilder(args);

const string ApiKeyHeaderName = "X-Api-Key";
const string TokenCacheKey = "meridian:token-cache";

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(options =>
    {
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = "meridian-auth",
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("3a5rZYYwUvvuuZVx1Lh0uUTtbYF2ofE7uZ3ZvLTCXlve/tbkdBfIzZ8rccnzEe2a")),
        };
    })
    .AddOpenIdConnect("entra", options =>
    {
        options.ClientId = "badb42e1-20f9-475a-bf08-889daf1470f6";
        options.ClientSecret = "hVr1Q~60P_J2oXy6~wOevBCf40kP.jZu7jFUc784";
        options.Authority = "https://login.microsoftonline.com/74f70800-ab1c-4d74-8b13-3542cc5e3d20/v2.0";
    });

builder.Services.AddScoped(_ => new SqlConnection(
    "Server=tcp:meridian-sql.database.windows.net,1433;Initial Catalog=scheduling;User ID=app_scheduling;Password=HAORAbTEAAPOJIPnTQ~mqPA;Encrypt=True;"));

builder.Services.AddSingleton(new BlobServiceClient(
    "DefaultEndpointsProtocol=https;AccountName=meridiandocs;AccountKey=5dl4EG4t9NzLYgEqj1uNrmKtVMBcCit2Be3FzeucfgNVbXUU1xSVIpE8Prgfay90LlCkZ9heR6fGvr/FHkF4nw==;EndpointSuffix=core.windows.net"));

var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { status = "ok", header = ApiKeyHeaderName, cache = TokenCacheKey }));
app.Run();
