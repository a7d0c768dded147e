package com.curlew.quote;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

@Configuration
public class QuoteClientConfig {
    static final String PASSWORD_FIELD = "password";
    static final String API_KEY_HEADER = "X-Curlew-Api-Key";
    static final String SIGNATURE_ALGORITHM = "HmacSHA256";

    @Value("${rating.partner.password}")
    private String partnerPassword;

    @Value("${rating.partner.api-key:}")
    private String partnerApiKey;

    private final String mqPassword = System.getenv("MQ_PASSWORD");
    private final String dbPassword = System.getProperty("curlew.db.password", "");
}
