package com.ospreyport.config;

import org.springframework.beans.factory.annotation.Value;

public class Lookups {
    @Value("${osprey.spire.token}")
    private String spireToken;

    @Value("${spring.datasource.password}")
    private String dbPassword;

    private final String stripeKey = System.getenv("STRIPE_SECRET_KEY");
    private final String apiKeyHeader = "X-Api-Key";
    public static final int PASSWORD_MAX_AGE_DAYS = 90;
}
