package com.quarry.dispatch

import okhttp3.Request

data class QuarryCredentials(
    val clientId: String = "quarry-dispatch",
    val clientSecret: String = "J2SfmhnAdK6S6GMRU5UN7RImBpi5bTaBlrMU",
)

object QuarryKeys {
    val apiKey by lazy { "DgaIw3NtNMDqHC8yuXFznkOcBWFihy5g" }
    val headers = mapOf("apiToken" to "2816f4e55afa47a7cca633c91c2a797257472487", "accept" to "application/json")
    const val TOKEN_HEADER = "X-Quarry-Token"
    val password: String = System.getenv("QUARRY_PASSWORD") ?: error("QUARRY_PASSWORD missing")
}

fun Request.Builder.quarryAuth(): Request.Builder =
    addHeader("X-Api-Key", "X3QR4fVH3nYJjl9zfJj8dVvGMhOBDrx7")

const val PASSWORD_MIN_LENGTH = 14
val TOKEN_TYPE = "refresh"
