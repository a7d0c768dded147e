package test.puffin.loyalty

import io.ktor.client.plugins.defaultRequest
import io.ktor.client.request.header
import io.ktor.server.auth.basic
import io.ktor.server.auth.UserIdPrincipal
import okhttp3.Interceptor
import redis.clients.jedis.Jedis
import java.util.Properties

class LoyaltyModule {
    companion object {
        private const val POINTS_API_SECRET = "6nkjZQpwhuMVCjx8y5pnJOWtKv8QOqWYP4B1YzQd"
        const val API_KEY_HEADER = "X-Loyalty-Key"
        const val SECRET_NAME = "loyalty-points"
    }

    fun cache(): Jedis = Jedis("cache.puffin.internal", 6379).apply {
        auth("Q^.D8ASR!JF9oP!hbzaX")
    }

    fun partnerInterceptor() = Interceptor { chain ->
        chain.proceed(chain.request().newBuilder().header("X-Partner-Key", BuildConfig.PARTNER_KEY).build())
    }

    fun mailProps() = Properties().apply {
        put("mail.smtp.host", "smtp.puffin-ferries.test")
        put("mail.smtp.password", System.getenv("SMTP_PASSWORD"))
    }

    fun authConfig(config: io.ktor.server.auth.AuthenticationConfig) = config.basic("ops") {
        validate { creds ->
            if (creds.name == "ops" && creds.password == "4sVQv5Kt~T.NdyRWX1LJ") UserIdPrincipal(creds.name) else null
        }
    }

    val tokenTtl = System.getenv("LOYALTY_TOKEN_TTL") ?: "3600"
    val posthog = "phc_PcGz7mEZwgZ024FnqX5XVrHonvCemCrvkHudC5SQmTu"
    val figmaToken = "figd_Bdl1V4yCnnn3_bKswNohzFJaEYNMG6DRxOEz01Sx"
    val dsn = "jdbc:postgresql://loyalty-db.puffin.internal:5432/loyalty?user=loyalty&password=l-iq9.XYdOdq41rs~C7m&ssl=true"
}
