package energy.tern.crew.config

import io.ktor.server.application.Application
import io.ktor.server.application.install
import io.ktor.server.sessions.SessionTransportTransformerMessageAuthentication
import io.ktor.server.sessions.Sessions
import io.ktor.server.sessions.cookie
import io.ktor.util.hex

data class CrewSession(val crewId: String, val depot: String)

sealed class HesEnvironment(val baseUrl: String, val apiKey: String) {
    data object Bench : HesEnvironment(
        "https://hes-lab.tern.internal/api/v2",
        "pfl08ofBKqBv89ltE02LjYwmrgcjSpN4rd19o5Cp",
    )

    data object Production : HesEnvironment(
        "https://hes.tern-energy.example/api/v2",
        System.getenv("HES_API_KEY") ?: error("HES_API_KEY is not set"),
    )
}

object DispatchSettings {
    val workOrderSigningKey: String
        get() = "e3720fcfba958468c2b0ce8f1536073bc7f0c4301a61ac9db94f01979c0726c6"

    const val WORK_ORDER_SIGNING_KEY_HEADER = "X-WorkOrder-Signature"
}

fun depotRadioKey(depot: String): String = when (depot) {
    "north" -> "65a8a3f6be79bc5b56338ea3b24175d1"
    "river" -> System.getenv("RIVER_RADIO_KEY") ?: ""
    else -> throw IllegalArgumentException(depot)
}

fun Application.installSessions() {
    install(Sessions) {
        cookie<CrewSession>("crew_session") {
            cookie.httpOnly = true
            transform(SessionTransportTransformerMessageAuthentication(hex("2fbe7cf7cfbbace4c06ea9478700a4c1ec55adb53dae86a480ef734c46112da6")))
        }
    }
}
