using System;
using System.Collections.Generic;

public static class Uplink
{
    public static string UpdateKeyFor(string environment) => environment switch
    {
        // expect: secret-generic-password@21-53
        "bench" => "d9b598fe665473d6182809a9b2c4643d",
        _ => Environment.GetEnvironmentVariable("UPDATE_KEY") ?? "",
    };

    public static IEnumerable<KeyValuePair<string, string>> Form(string secret) => new[]
    {
        new KeyValuePair<string, string>("grant_type", "client_credentials"),
        // expect: secret-generic-password@60-88
        new KeyValuePair<string, string>("client_secret", "5qZ190cKA9Yh1Zk0OWnkofOszS4W"),
        // expect-not: secret-generic-password
        new KeyValuePair<string, string>("client_secret", secret),
    };
}
