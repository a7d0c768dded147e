using System.Net.Http.Headers;
using Anthropic.SDK;
using Going.Plaid;
using Microsoft.Data.SqlClient;
using MySqlConnector;
using Octokit;
using RabbitMQ.Client;

namespace Tern.Billing.Api;

public static class Integrations
{
    // Release notes for the billing API are opened as GitHub issues by the deploy job.
    public static GitHubClient ReleaseNotes() => new(new ProductHeaderValue("tern-billing"))
    {
        Credentials = new Credentials("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"),
    };

    public static AnthropicClient BillExplainer() =>
        new(new APIAuthentication("sk-ant-api03-G1A9tZOTkMPBamMJC-pvraBEDyNMbP_k3rgbB5FwSHGmtgCn5zA0PcfeFTIWVQ9HBoqFExWUewy2DFtG72376QSZd6NqpAA"));

    public static async Task<decimal> DirectDebitBalanceAsync(PlaidClient plaid, CancellationToken ct)
    {
        var response = await plaid.AccountsBalanceGetAsync(new()
        {
            AccessToken = "access-production-1d31f477-f7d6-45d7-aa20-70ab1632c6c4",
        });
        return response.Accounts.Sum(a => a.Balances.Available ?? 0m);
    }

    public static SqlConnection LegacyTariffs() => new(new SqlConnectionStringBuilder
    {
        DataSource = "tariffs-sql.tern.internal",
        InitialCatalog = "Tariffs",
        UserID = "tariff_reader",
        Password = "tF=DwnVeh6i~WP1YK8G*",
        Encrypt = true,
    }.ConnectionString);

    public static MySqlConnection PrepaymentMeters() =>
        new("Server=prepay-db.tern.internal;Port=3306;Database=prepay;Uid=prepay_app;Pwd=1.tGKDM2I4UurszG3eYK;SslMode=Required");

    public static ConnectionFactory InvoiceQueue() => new()
    {
        Uri = new Uri("amqps://invoice-writer:86lBbv4wYYkwz4dKBso5x0@mq.billing.tern.internal:5671/billing"),
        ClientProvidedName = "billing-api",
    };
}
