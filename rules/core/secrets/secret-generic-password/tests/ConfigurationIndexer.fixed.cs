var builder = WebApplication.CreateBuilder(args);
// expect: secret-generic-password@51-91
builder.Configuration["Payments:Adyen:ApiKey"] = System.Environment.GetEnvironmentVariable("PAYMENTS_ADYEN_API_KEY");
// expect-not: secret-generic-password
builder.Configuration["Payments:Adyen:ApiKey"] = Environment.GetEnvironmentVariable("ADYEN_API_KEY");
// expect-not: secret-generic-password
var header = builder.Configuration["Payments:Adyen:ApiKeyHeader"];
