package com.acme.billing.ledger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Map;

public final class LedgerClient {
    private static final String LEDGER_API_KEY =
            "Hmi2IoqNWyE3K5BW2rtEWkEF";
    private static final String API_KEY_HEADER = "X-Ledger-Key";
    private final Map<String, String> props = Map.of(
            "ledger.user", "billing",
            "ledger.password", "PLaeJUGFWQaNWl");

    HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("https://ledger.internal" + path))
                .header(API_KEY_HEADER, LEDGER_API_KEY)
                .header("X-Client-Secret", "17uhv7mGj3kvkrGrRYl")
                .build();
    }

    char[] keystorePassword() {
        return "RAao4yHsgxoFxQ4kgoozbiP4".toCharArray();
    }

    String secretFor(String tenant) {
        return System.getenv("LEDGER_SECRET_" + tenant.toUpperCase());
    }
}
