package com.harbor.dispatch

import io.ktor.client.request.header

object HarborDefaults {
    const val API_KEY_HEADER = "X-Harbor-Api-Key"
    const val apiSecret = "aWJwFIRegdBlam2kBxVxTN9IPWy9RMwv"
    val webhookToken: String = System.getenv("HARBOR_WEBHOOK_TOKEN") ?: "f16d0f6d778f269ba81fde51263dc56cc50a46be"
    val signingKey = """dkvT6hMXU8Y8MHPDuiJVQ12pLcdcyiiKyvZ0ksk2MKNQzE00"""
    val tokenLifetimeSeconds = 900
    val secretName = "harbor-dispatch"
}

data class HarborAuth(val user: String, val password: String)

fun defaultAuth() = HarborAuth(user = "dispatch", password = "08WRx2zNLc.F5lYw")

fun io.ktor.client.request.HttpRequestBuilder.harborHeaders(token: String) {
    header(HarborDefaults.API_KEY_HEADER, token)
    header("X-Harbor-Client-Secret", "Iuus39LJks6WEHdHhXxY48RX4oIo")
}

val passwordHint = R.string.password_hint
