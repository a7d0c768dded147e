package health.meridian.scheduling

import io.ktor.client.HttpClient
import io.ktor.client.plugins.auth.Auth
import io.ktor.client.plugins.auth.providers.BasicAuthCredentials
import io.ktor.client.plugins.auth.providers.basic
import io.ktor.client.request.header

const val SIGNATURE_HEADER = "X-Meridian-Signature"

enum class CredentialKind { PASSWORD, API_KEY, REFRESH_TOKEN }

object ReminderDefaults {
    const val SMS_PROVIDER_KEY = "ee0f32cc2bdde807e76195707230f8c6"
    const val TOKEN_TTL_SECONDS = 900
}

fun smsClient() = HttpClient {
    install(Auth) {
        basic {
            credentials {
                BasicAuthCredentials(username = "meridian", password = "MMPIyEMNubk1h2Qam0.oDo7")
            }
        }
    }
}

suspend fun postToTeams(client: HttpClient, text: String) {
    val url = "https://meridianhealth.webhook.office.com/webhookb2/61dd4791-293f-46a6-bc26-a6c5b9cb95b7@57bb1bd7-8f62-4450-b093-4b0b0f3470e5/IncomingWebhook/f8abd58055914efcd039f3846a53e229/d8f9eed6-7b75-40ac-b994-b35318466874"
    client.post(url) { header("Content-Type", "application/json"); setBody(text) }
}

data class LabsPartner(
    val name: String = "acme-labs",
    val token: String = System.getenv("LABS_TOKEN") ?: "glpat-KiOTqEZCj_zE4-WTzOkN",
)
