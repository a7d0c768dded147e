import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

// Batch 16 (learn16-calls): an access key id's neighbour literal is its secret, whatever the call.
class Calls16 {
    final AwsBasicCredentials creds = AwsBasicCredentials.create(
        "AKIANDXUCNELM6W2JJM7",
        // expect: secret-provider-token@10-50
        "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");
    // expect: secret-provider-token@90-130
    final AwsBasicCredentials same = AwsBasicCredentials.create("AKIA4NNEMCFSUQTGHWQS", "ayzc+11O4H4DCHr7QrJnpFGvKAJ5VDKRyaLqKRlx");
    // A region after the id is no secret.
    // expect-not: secret-provider-token
    final String[] pair = { "AKIA4NNEMCFSUQTGHWQS", "eu-west-1" };
}
