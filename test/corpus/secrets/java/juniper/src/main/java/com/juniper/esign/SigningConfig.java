package com.juniper.esign;

import com.auth0.jwt.algorithms.Algorithm;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class SigningConfig {

    @Value("${esign.audit.hmac-key:b3d6d5b2a3c10523803524a28bc74be5178e811f35c1ec0f6fd6dabe43c6a568}")
    private String auditHmacKey;

    private static final String API_KEY_HEADER = "X-Esign-Api-Key";

    @Bean
    public SecretKey documentKey() {
        return Keys.hmacShaKeyFor(
            "KxMitnONJ1ku8Z3grGkNiXT8JbQB9Bcc03wZZ2Hq".getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    public Algorithm webhookAlgorithm() {
        return Algorithm.HMAC256(System.getenv("WEBHOOK_HMAC"));
    }
}
