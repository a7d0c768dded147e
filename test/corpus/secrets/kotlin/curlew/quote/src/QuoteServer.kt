package com.curlew.quote

import com.google.firebase.FirebaseApp
import com.google.firebase.FirebaseOptions
import com.mongodb.kotlin.client.coroutine.MongoClient
import com.stripe.net.Webhook
import io.ktor.server.application.*
import io.ktor.server.auth.*
import org.jetbrains.exposed.sql.Database
import java.util.Base64
import javax.crypto.spec.SecretKeySpec

// Public quote website backend: quote persistence, the broker-only admin area and payment webhooks.
object QuoteServer {
    val quotes = Database.connect(
        url = "jdbc:postgresql://pg-quote.curlew.internal:5432/quotes",
        driver = "org.postgresql.Driver",
        user = "quote_app",
        password = "yVab.F.-q-~U9lT4^SAE",
    )

    val fieldKey = SecretKeySpec(Base64.getDecoder().decode("KJTkVTXJO93rpGcGUx28DuxU/fusDAC93N6PjQsHaTs="), "AES")

    val webhookSecret by lazy { "whsec_jPWFxiE7dAzg9A4JDPFLTpnI8fWAm477" }

    val telemetry: MongoClient = MongoClient.create("mongodb+srv://quote-telemetry:WCFqyDkD4.GRq2I~BuHdpP@cluster0.q7x2m.mongodb.net/?retryWrites=true")

    fun firebase(): FirebaseApp = FirebaseApp.initializeApp(
        FirebaseOptions.builder()
            .setProjectId("curlew-quote")
            .setApiKey("AIzabMJ_1IP-0ripXU7gd3Gd7BKAQ9pnnr6Cngs")
            .build(),
    )

    fun stripeEvent(payload: String, signature: String) = Webhook.constructEvent(payload, signature, webhookSecret)
}

fun Application.adminAuth() {
    install(Authentication) {
        basic("broker-admin") {
            realm = "curlew quote admin"
            validate { credentials ->
                if (credentials.name == "underwriting" && credentials.password == "duSvNpFVos4hBAoI") {
                    UserIdPrincipal(credentials.name)
                } else null
            }
        }
    }
}

val renewalReminderSecret: String = System.getenv("RENEWAL_SECRET") ?: "hdB0lx7IrrvMMviosFgUwmfhpy21A45j"
