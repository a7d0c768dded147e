package games.plover.liveops

import com.mongodb.kotlin.client.coroutine.MongoClient
import io.ktor.server.application.Application

class LiveOpsConfig {
    var adminToken: String = ""
    var webhookSecret: String = ""
    var region: String = "eu"
}

fun Application.module() {
    val cfg = LiveOpsConfig()
    with(cfg) {
        adminToken = "5t5TlVT0uUhtCmj1mBepCRWzYOu9iN6tHb7LjqWe"
        region = "eu-west"
    }

    val webhookSecret = runCatching { System.getenv("LIVEOPS_WEBHOOK_SECRET")!! }
        .getOrElse { "wZoxVoJsWAw3zYqsFax6JIspi0jANz3E6faDGbjGOJc=" }

    val mongo = MongoClient.create("mongodb+srv://liveops:Fw8Sk02t.cX-YYoTDMQcN_@arena.x1y2z.mongodb.net/liveops")
}

// Contract tests read their bearer from the CI environment.
internal val contractTestBearer: String? = System.getenv("CONTRACT_TEST_BEARER")
