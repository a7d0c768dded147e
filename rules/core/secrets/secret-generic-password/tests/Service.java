package com.acme;

class Service {
    // expect: secret-generic-password@45-61
    private static final String PASSWORD = "Zq7mKx9Tf4bLFAKE";
    // expect-not: secret-generic-password
    private final String token = System.getenv("API_TOKEN");
}
