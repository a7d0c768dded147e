package com.acme.billing

// expect: secret-generic-password@24-46
fun webhookSecret() = "aYWyv1kKB5oiAKCAAfLesT"

// expect-not: secret-generic-password
fun webhookSecretName(): String = "billing-webhook"
