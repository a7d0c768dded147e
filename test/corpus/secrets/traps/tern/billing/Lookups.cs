using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;

public static class Lookups
{
    public static async Task<string> HesApiKeyAsync(IConfiguration config, SecretClient vault)
    {
        var fromConfig = config["Hes:ApiKey"];
        var fromEnv = Environment.GetEnvironmentVariable("HES__APIKEY");
        KeyVaultSecret secret = await vault.GetSecretAsync("hes-api-key");
        return fromConfig ?? fromEnv ?? secret.Value;
    }

    public const string ApiKeyHeaderName = "X-HES-Api-Key";
    public const string PasswordSecretName = "billing-db-password";
}
