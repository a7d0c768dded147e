package net.dunlin.prov

import com.rabbitmq.client.ConnectionFactory
import io.ktor.client.HttpClient
import io.ktor.client.plugins.auth.Auth
import io.ktor.client.plugins.auth.providers.DigestAuthCredentials
import io.ktor.client.plugins.auth.providers.digest
import org.jooq.impl.DSL

/** Subscriber provisioning: writes the RADIUS check items and tells the ACS about a new CPE. */
class Provisioner {
    private val radiusDb = DSL.using("jdbc:postgresql://aaa-db.core.dunlin.net/radius", "provisioner", "K=_umSEEuwOsk0vX4r55")

    private val acs = HttpClient {
        install(Auth) {
            digest {
                credentials { DigestAuthCredentials(username = "provisioner", password = "1y7oirqhbde7e.Onvo") }
                realm = "genieacs"
            }
        }
    }

    private val events = ConnectionFactory().apply {
        setUri("amqps://provisioner:P2DCszhz9rGbrv.hFyER@mq.bss.dunlin.net:5671/provisioning")
    }

    companion object {
        const val SUBSCRIBER_PASSWORD_LENGTH = 12
        val PASSWORD_CHECK_ATTRIBUTE = "Cleartext-Password"
    }
}
