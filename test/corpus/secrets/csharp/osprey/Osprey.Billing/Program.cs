using System.Text;
using Hangfire;
using Hangfire.Dashboard.BasicAuthorization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
{
    o.TokenValidationParameters = new TokenValidationParameters
    {
        ValidIssuer = "https://auth.osprey-port.com",
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("md64Htbnj0ymwvqxg22C6zkb3mr3UjjkUQZssPOLBQgFN2k1")),
    };
});
builder.Services.AddHangfire(c => c.UseSqlServerStorage(builder.Configuration.GetConnectionString("Hangfire")));

var app = builder.Build();

app.UseHangfireDashboard("/jobs", new DashboardOptions
{
    Authorization = new[]
    {
        new BasicAuthAuthorizationFilter(new BasicAuthAuthorizationFilterOptions
        {
            RequireSsl = true,
            Users = new[] { new BasicAuthAuthorizationUser { Login = "ops", PasswordClear = "nN6~.m1ANX9GZkkbPB" } },
        }),
    },
});

app.Run();
