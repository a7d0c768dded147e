package test.tugboat

import com.github.kittinunf.fuel.Fuel
import org.http4k.filter.ClientFilters

// A bearer scheme takes its token alone; a basic one the password after the user.
// expect: secret-generic-password@43-86
val manifests = ClientFilters.BearerAuth((System.getenv("TOKEN") ?: error("TOKEN is not set")))

// expect-not: secret-generic-password
val fromEnv = ClientFilters.BearerAuth(System.getenv("MANIFEST_TOKEN"))

// expect-not: secret-generic-password
val concatenated = ClientFilters.BearerAuth("Bearer " + token)

fun holds() =
    Fuel.get("https://holds.tugboat.test/api")
        .authentication()
        // expect: secret-generic-password@28-46
        .basic("tugboat", (System.getenv("PASSWORD") ?: error("PASSWORD is not set")))
        .responseString()

fun holdsFromEnv() =
    Fuel.get("https://holds.tugboat.test/api")
        .authentication()
        // expect-not: secret-generic-password
        .basic("tugboat", System.getenv("HOLDS_PASSWORD"))
        .responseString()
