package com.acme.billing

// expect: secret-generic-password@15-31
val apiKey = (System.getenv("API_KEY") ?: error("API_KEY is not set"))
// A constant must stay a constant: reported, no fix.
// expect: secret-generic-password@26-42
const val SIGNING_KEY = "Hn4Vq9Lw2Zt7Xm3R"
// A fallback after a lookup: the lookup is already there.
// expect: secret-generic-password@59-75
val dbPassword: String = System.getenv("DB_PASSWORD") ?: "Rk2Wp8Zt5Lq3Xv7N"
// expect-not: secret-generic-password
val tokenHeader = "X-Auth-Token"
