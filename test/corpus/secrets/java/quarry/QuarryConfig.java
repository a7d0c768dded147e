package com.quarry.dispatch;

import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

@Configuration
public class QuarryConfig {

    @Value("${quarry.api-key:vAqw28st0uOX77LFKf16Q0azmY5sOPf1}")
    private String apiKey;

    @Value("${quarry.client-secret}")
    private String clientSecret;

    public static final String TOKEN_HEADER = "X-Quarry-Token";

    Properties jdbcProperties() {
        Properties props = new Properties();
        props.setProperty("user", "dispatch");
        props.put("password", "BAcqbU^bGs.Uvnd42u2E");
        props.setProperty("password.hint", "twelve characters or more");
        return props;
    }

    private final char[] keystorePass = {'x'};
    private static final byte[] HMAC_KEY = "2f468aaef12cc2e53a7d710df2225efa79b158eb91cd4557cb55cb2d218d3fbc".getBytes();

    String secretFromVault() {
        return System.getenv().getOrDefault("QUARRY_VAULT_PATH", "secret/data/quarry");
    }
}
