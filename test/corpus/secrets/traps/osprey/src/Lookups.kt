package com.ospreyport.config

val spireToken: String = System.getenv("SPIRE_TOKEN") ?: error("SPIRE_TOKEN is not set")
val dbPassword: String? = System.getenv("DB_PASSWORD")
const val TOKEN_HEADER = "X-Spire-Token"
const val PASSWORD_HISTORY = 5
