package com.juniper.field

import io.ktor.client.plugins.auth.providers.BearerTokens

object ApiConfig {
    const val BASE_URL = "https://api.juniper-agri.example/v2/"
    const val TOKEN_HEADER = "X-Field-Token"
}

data class FieldCredentials(
    val deviceId: String,
    val deviceSecret: String = "63462e9e0224f6df12beb460afa182442a9891a2",
)

val tokens = BearerTokens(
    accessToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtcm95NDVrNHEiLCJpc3MiOiJodHRwczovL2F1dGguanVuaXBlci1hZ3JpLmV4YW1wbGUiLCJhdWQiOiJmaWVsZGxpbmsiLCJpYXQiOjE3OTY2MDQ2OTMsImV4cCI6MTgyODE0MDY5MywianRpIjoiOTM3NzAyOTItNTc4NC00MGU0LWFjNTYtYWRmNjUxMzU0NzAwIn0.iNatkh8XoDmajMdjRZiQIgn1-tBD84_6RwFC_oBc6QE",
    refreshToken = "hgF33sa2cc1f3xPR8xD5ArwToYPL1oVI",
)

val telemetryHeaders = mapOf(
    "Authorization" to "Bearer glsa_JJhfOfAVrcEYmspkEWVpgOog9wrNz5iu_ebdfccce",
    "Accept" to "application/json",
)
