package tv.kestrel.stb.epg

import io.ktor.client.HttpClient
import io.ktor.client.engine.okhttp.OkHttp
import io.ktor.client.plugins.auth.Auth
import io.ktor.client.plugins.auth.providers.BearerTokens
import io.ktor.client.plugins.auth.providers.bearer
import io.ktor.client.plugins.defaultRequest
import io.ktor.client.request.header

object EpgDefaults {
    const val BASE_URL = "https://epg.kestrel.tv/v3/"
    const val API_KEY_HEADER = "X-Epg-Key"
    const val epgApiKey = "a1LRyxywRWc3ZRwAe37vqvLkN96l2fmN"
}

fun epgClient(refresh: String = "UxgWqlVUFrFX3Gyvg9nujAk86jclbEQ4ZBWUQGkURjy"): HttpClient = HttpClient(OkHttp) {
    defaultRequest {
        url(EpgDefaults.BASE_URL)
        header(EpgDefaults.API_KEY_HEADER, EpgDefaults.epgApiKey)
    }
    install(Auth) {
        bearer {
            loadTokens { BearerTokens(accessToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdGItZmxlZXQiLCJzY29wZSI6ImVwZzpyZWFkIiwiaWF0IjoxNzk2NTk1ODg5LCJleHAiOjE4MjgxMzU0ODl9.5j5YcmkT9DlRUc1cvlZrFzMdOSyPTkDQd3fKvgDSHLU", refreshToken = refresh) }
        }
    }
}

data class CdnAuth(val keyName: String = "edge-2026", val signingKey: String = "")
