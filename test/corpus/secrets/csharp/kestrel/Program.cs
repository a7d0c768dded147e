using System.Net;
using System.Net.Mail;
using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using System.Text;

var builder = WebApplication.CreateBuilder(args);
const string ApiKeyHeaderName = "X-Billing-Key";

builder.Services.AddMassTransit(x =>
{
    x.UsingRabbitMq((ctx, cfg) =>
    {
        cfg.Host("rabbit.kestrel.internal", "billing", h =>
        {
            h.Username("billing");
            h.Password("__*TcoIT6PfiBLhyQPXRqXRP");
        });
        cfg.ConfigureEndpoints(ctx);
    });
});

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(o => o.TokenValidationParameters = new TokenValidationParameters
    {
        ValidIssuer = "https://id.kestrel.tv",
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration["Jwt:Key"] ?? "OL7t09F7QeqGd0zI50taYWMdp5bhSHvmTdI6VhvuhlKQ5fAI")),
    });

builder.Services.AddSingleton(new SmtpClient("smtp.office365.com", 587)
{
    EnableSsl = true,
    Credentials = new NetworkCredential("receipts@kestrel.tv", "<smtp-password>"),
});

builder.Services.AddStackExchangeRedisCache(o =>
    o.Configuration = $"redis-billing.kestrel.internal:6380,ssl=true,abortConnect=false,password={Environment.GetEnvironmentVariable("REDIS_PASSWORD")}");

builder.Services.AddHttpClient("adyen", c =>
{
    c.BaseAddress = new Uri("https://checkout-live.adyenpayments.com/");
    c.DefaultRequestHeaders.Add("X-API-Key", "AQEEbx64EpCZYcOjoC5FlbaawDxaqKUVugwAyJDFJ-ITIkCWyvF9qoEuT_iVoCg7fN_KuQs8YpTS22TNTz3h_fzCSUZ2o");
});

var app = builder.Build();
app.MapGet("/health", () => Results.Ok());
app.Run();
