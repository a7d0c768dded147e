package com.acme.billing

data class Creds(val user: String, val password: String)

val apiKey = "wzQY8FCnoXy2x7UtFXv46p"
val dbPassword: String = System.getenv("DB_PASSWORD") ?: "JAZB0NSBZzrdGvYgOwa71cVLmz9"
val creds = Creds(user = "svc-billing", password = "HEhV3flh8p7H")
val tokenHeader = "X-Auth-Token"
val secretName = System.getenv("SECRET_NAME") ?: "billing-db"

fun main() {
    val clientSecret: String = System.getenv("CLIENT_SECRET")
    println(listOf(apiKey, dbPassword, creds, tokenHeader, secretName, clientSecret).size)
}
