package com.acme;

class Service {
    // expect: secret-generic-password@45-61
    private static final String PASSWORD = System.getenv("PASSWORD");
    // expect-not: secret-generic-password
    private final String token = System.getenv("API_TOKEN");
}
