package example.places

sealed class Partner(val baseUrl: String, val apiKey: String) {
    data object Lab : Partner(
        "https://lab.example.test/api",
        // expect: secret-generic-password@10-38
        "IyMiU22qK4ft305JepiULt4rJpTf",
    )

    // expect-not: secret-generic-password
    data object Live : Partner("https://api.example.test", System.getenv("PARTNER_API_KEY") ?: "")
}

object Dispatch {
    val orderSigningKey: String
        // expect: secret-generic-password@18-50
        get() = "b628060b451250d7005c5280b3629454"

    val orderSigningKeyHeader: String
        // expect-not: secret-generic-password
        get() = "X-Order-Signature"
}

fun depotRadioKey(depot: String): String = when (depot) {
    // expect: secret-generic-password@17-49
    "north" -> "a8e7b4957c923841fb325cd559aba82a"
    else -> System.getenv("RADIO_KEY") ?: ""
}

fun depotLabel(depot: String): String = when (depot) {
    // expect-not: secret-generic-password
    "north" -> "North depot (main yard)"
    else -> depot
}
