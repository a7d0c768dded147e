package com.ospreyport.tracker

import com.github.kittinunf.fuel.Fuel
import org.http4k.client.OkHttp
import org.http4k.core.then
import org.http4k.filter.ClientFilters

private val webhookSecret: String = System.getenv("OSPREY_WEBHOOK_SECRET") ?: "3e0f63efe748c03fc74d32de8989eedd73cae40e"

val pilotBookings = ClientFilters.BearerAuth("2r-YkHPGUX2hZUa-c-OIPRizMlSPfFbrUbh_1sCG0ug").then(OkHttp())

fun fetchCustomsHolds(voyage: String) =
    Fuel.get("https://customs.broker.example/holds/$voyage")
        .authentication()
        .basic("osprey", "i7WKWdBa~xTEbmRn")
        .responseString()

val newsletter = MailchimpMarketing(apiKey = "d2bab485cdbbe90a12df057bd5e02758-us14", server = "us14")
