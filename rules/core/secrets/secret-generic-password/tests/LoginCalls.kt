package test.tugboat

import com.github.kittinunf.fuel.Fuel
import org.http4k.filter.ClientFilters

// A bearer scheme takes its token alone; a basic one the password after the user.
// expect: secret-generic-password@43-86
val manifests = ClientFilters.BearerAuth("EN0J1gYBmrFTUqOha3So0LQbx35XECc_5aqCtWVwpPw")

// expect-not: secret-generic-password
val fromEnv = ClientFilters.BearerAuth(System.getenv("MANIFEST_TOKEN"))

// expect-not: secret-generic-password
val concatenated = ClientFilters.BearerAuth("Bearer " + token)

fun holds() =
    Fuel.get("https://holds.tugboat.test/api")
        .authentication()
        // expect: secret-generic-password@28-46
        .basic("tugboat", "M.5OT-z6QSDl~83eYX")
        .responseString()

fun holdsFromEnv() =
    Fuel.get("https://holds.tugboat.test/api")
        .authentication()
        // expect-not: secret-generic-password
        .basic("tugboat", System.getenv("HOLDS_PASSWORD"))
        .responseString()
