using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Data.SqlClient;
using Microsoft.IdentityModel.Tokens;
using OpenAI;
using System.ClientModel;

// Claims scanning service: watches the scanner shares, OCRs, classifies with OpenAI, files into the DMS.
var builder = WebApplication.CreateBuilder(args);

builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Smtp:Host"] = "smtp.curlew.local",
    ["Smtp:Password"] = "M3ILOKeiaVadn6DD",
    ["Dms:BaseUrl"] = "https://dms.curlew.local/api",
});

builder.Services.AddAuthentication().AddJwtBearer(o => o.TokenValidationParameters = new TokenValidationParameters
{
    ValidIssuer = "curlew-claims",
    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("fA37en11M6ngTNodkSpfevylYtuHlmc9k87igN7Sun5t2YUPzi2wSWKC3MphzHZ6")),
});

builder.Services.AddSingleton(new ClientSecretCredential(
    "ecbd928b-5c05-44e1-8d45-1b942280d850",
    "5caa4f82-33ef-4054-a177-eed10160e67a",
    "blM8Q~QTfQ_WD19zR.i_53N_cCHLVcdFwOnLQ"));

builder.Services.AddSingleton(new OpenAIClient(new ApiKeyCredential("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")));

builder.Services.AddHttpClient("dms", c =>
{
    c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
        "Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("claims-scan:0EqPrtXAGVn.Hv")));
});

var app = builder.Build();
app.Run();

public record ScannerShare(string UncPath, string User = "CURLEW\\svc-scan", string Password = "x3n+Ceo4~guwRX+r");

public static class Shares
{
    public static NetworkCredential Credential() => new("svc-scan", "9Cl+wOeiXc1ptX", "CURLEW");

    public static SqlConnection Archive() => new(new SqlConnectionStringBuilder
    {
        DataSource = "sql03.curlew.local",
        InitialCatalog = "ClaimsArchive",
        UserID = "scan_writer",
        Password = "2Ba+7Yzd0QA7bxZSOLeY",
        Encrypt = true,
    }.ConnectionString);

    public const string Warehouse = @"Data Source=tcp:curlew-dw.database.windows.net,1433;Initial Catalog=BrokerDW;User ID=bi_reader;Password=ag6gDtp9VnXnZ_x5VN;Encrypt=True";
}
