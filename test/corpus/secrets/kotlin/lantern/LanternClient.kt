package io.lantern.mobile.api

import io.ktor.client.HttpClient
import io.ktor.client.plugins.auth.Auth
import io.ktor.client.plugins.auth.providers.BasicAuthCredentials
import io.ktor.client.plugins.auth.providers.basic
import io.ktor.client.request.header
import okhttp3.Credentials

object LanternApi {
    const val BASE_URL = "https://api.lantern-logistics.io"
    const val TOKEN_HEADER = "X-Lantern-Token"
    const val SECRET_KEY_ALIAS = "lantern_refresh_key"
    private const val CLIENT_SECRET = "LGfkvbQ5MhBc7ENaNAvyx2kYgVAMPii57DXLxBxD"
    val refreshWindowSeconds = 300
}

data class TrackerCredentials(
    val deviceId: String = "c4e2a1b9-0d3f-4e8a-b7c6-5d4e3f2a1b0c",
    val deviceSecret: String = "e5acdfe01c2da5c48798ab380e9277c3330bdc30c3e7da84",
)

class LanternClient(private val env: Map<String, String> = System.getenv()) {
    private val mapsKey: String = env["MAPS_API_KEY"] ?: "AIzaEKslOACdUwddMnRFg57-QijTkclDxnRRyRc"
    private val signingSecret by lazy { env["SIGNING_SECRET"] ?: error("SIGNING_SECRET is not set") }

    private val http = HttpClient {
        install(Auth) {
            basic {
                credentials {
                    BasicAuthCredentials(username = "tracker", password = "kDq4b5A-LY_cV3TMl3")
                }
            }
        }
    }

    fun okHttpAuth(): String = Credentials.basic("lantern-mobile", "e2!2DAw-wfo*N9iEp*dJ")

    fun linearToken(): String =
        "lin_api_b60fikm3rcmi5sj2pxj5c6byx20kzk49re0x3ogs"

    suspend fun ping() = http.get("$BASE_URL/ping") { header(LanternApi.TOKEN_HEADER, env["LANTERN_TOKEN"]) }

    companion object {
        val ADMIN_PASSWORD_REGEX = Regex("^(?=.*[A-Z])(?=.*\\d).{12,}$")
        private val encryptionKey = """yqgr6L6PpQW5mwRFYJ+lLcgnzPTWox3ihNFyu+Qg0BU="""
    }
}
