using System.Net;
using Azure.Identity;

// Batch 17 (learn17-code): a target-typed `new(…)` constructs the type declared on its left, also as a member's
// expression body or a property's initializer; the password is the call's second argument.
public static class Shares
{
    // expect: secret-generic-password@70-84
    public static NetworkCredential Archive() => new("svc-archive", "BQ5OGqpgM2730q", "LEDGER");
    // expect: secret-generic-password@73-87
    public static NetworkCredential Scanner { get; } = new("svc-scan", "bwDFZu039SlZD1");
    // A variable in the password's place is no literal.
    // expect-not: secret-generic-password
    public static NetworkCredential Reader() => new("svc-read", Environment.GetEnvironmentVariable("READER_PASSWORD"));
}

public static class Identity
{
    // A tenant's and a client's ids (UUIDs) beside the client secret: ids, not passwords.
    public static readonly ClientSecretCredential Graph = new ClientSecretCredential(
        "32dd8a79-b4f6-4028-8135-e08ac0e1da98",
        // expect-not: secret-generic-password
        "49044ec2-9c9d-4046-b756-302d53863db5",
        // expect: secret-generic-password@10-26
        "959D-L8Nw5NxgHzi");
}
