namespace Acme.Billing.Ledger
{
    public sealed class LedgerOptions
    {
        public string BaseUrl { get; init; } = "https://ledger.internal";
        public string ApiKey { get; init; } = "CHrMUlGSdjCPkc";
        public string ApiKeyHeader { get; init; } = "X-Ledger-Key";
        public string ClientSecret { get; init; } = Environment.GetEnvironmentVariable("LEDGER_CLIENT_SECRET") ?? "GvjsN1PLSEtNRVArLO6";
    }

    public static class LedgerSetup
    {
        public static void Configure(IServiceCollection services) =>
            services.AddLedger(o => { o.Password = "9LibdG6kZkBujER0HnFGwC4A"; o.User = "billing"; });
    }
}
