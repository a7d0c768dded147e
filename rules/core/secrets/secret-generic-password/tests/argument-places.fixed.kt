package test.puffin

import io.ktor.server.auth.AuthenticationConfig
import io.ktor.server.auth.UserIdPrincipal
import io.ktor.server.auth.basic
import redis.clients.jedis.Jedis

object Loyalty {
    fun cache(): Jedis = Jedis("cache.example.test", 6379).apply {
        // expect: secret-generic-password@15-35
        auth((System.getenv("PASSWORD") ?: error("PASSWORD is not set")))
    }

    fun authConfig(config: AuthenticationConfig) = config.basic("ops") {
        validate { creds ->
            // expect: secret-generic-password@59-79
            if (creds.name == "ops" && creds.password == "QWSXixk-Y6ZLbu0mCbZJ") UserIdPrincipal(creds.name) else null
        }
    }

    fun quiet(password: String): Jedis = Jedis("cache.example.test", 6379).apply {
        // expect-not: secret-generic-password
        auth(password)
        // expect-not: secret-generic-password
        auth("default")
    }
}
