package io.lantern.traps;

import org.springframework.beans.factory.annotation.Value;

public final class LanternTraps {
    public static final String API_KEY_HEADER = "X-Lantern-Api-Key";
    public static final String PASSWORD_PARAM = "password";
    public static final String TOKEN_TYPE = "Bearer";
    public static final String SECRET_NAME = "lantern/dispatch/db";
    public static final int PASSWORD_MIN_LENGTH = 12;
    public static final String SAMPLE_UUID = "2f1e0d9c-8b7a-4f6e-9d5c-4b3a29180f7e";
    public static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";

    @Value("${lantern.datasource.password}")
    private String dbPassword;

    @Value("${LANTERN_API_KEY:}")
    private String apiKey;

    private final String token = System.getenv("LANTERN_TOKEN");
    private final String secret = System.getProperty("lantern.secret", "");
    private final char[] keystorePassword = System.getenv("KEYSTORE_PASSWORD").toCharArray();

    String message() {
        return "Password must be at least " + PASSWORD_MIN_LENGTH + " characters";
    }

    String jdbcUrl(String host) {
        return "jdbc:postgresql://" + host + ":5432/dispatch?user=dispatch&password=" + System.getenv("DB_PASSWORD");
    }
}
