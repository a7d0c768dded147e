// A fallback method continuing its statement on the next line (default-positions.ts).
fun relaySecrets() {
    val webhookSecret = runCatching { System.getenv("RELAY_WEBHOOK_SECRET")!! }
        // expect: secret-generic-password@23-47
        .getOrElse { "V3YWmEwvkAqkhbsAg7OEvEGc" }
    val apiToken = System.getenv("RELAY_API_TOKEN")
        // expect: secret-generic-password@13-37
        ?: "1eYFZrJxnhzMPUF9jOkaqnjb"
    val region = runCatching { System.getenv("RELAY_API_TOKEN")!! }
        // expect-not: secret-generic-password
        .getOrElse { "eu-north" }
    val signingSecret = System.getenv("RELAY_SIGNING_SECRET")
        // expect-not: secret-generic-password
        ?: error("RELAY_SIGNING_SECRET is not set")
}
