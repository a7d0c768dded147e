package bio.avocet.collect

import io.ktor.client.HttpClient
import io.ktor.client.plugins.auth.Auth
import io.ktor.client.plugins.auth.providers.BearerTokens
import io.ktor.client.plugins.auth.providers.bearer
import io.ktor.client.request.headers
import io.ktor.client.request.post
import io.ktor.http.headersOf
import net.schmizz.sshj.SSHClient
import java.net.URI

// Field collection app (biobank nurses scan tubes at partner clinics); uploads batches nightly.
object Uploader {
    private val partnerHeaders = headersOf("X-Biobank-Key", "NRiCMVgUc9xkrs1zU8dW7W6t0Sod9LKmQwWH")

    val llm = HttpClient {
        install(Auth) {
            bearer {
                loadTokens { BearerTokens("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", "") }
            }
        }
    }

    fun clinicDrop(host: String) = SSHClient().apply {
        loadKnownHosts()
        connect(host)
        authPassword("biobank-drop", "S0Oo8.DeU89Y3pEVKO")
    }

    val archive: URI = URI("sftp://biobank:XTOImq0sCDsyrtTqt0zR@sftp.avocet.bio:2222/inbound")

    val interceptor = okhttp3.Interceptor { chain ->
        chain.proceed(
            chain.request().newBuilder()
                .addHeader("Authorization", "Token 72d0e75081e6ec3b9f2d568d2231322d8aab1dd1")
                .build(),
        )
    }
}
