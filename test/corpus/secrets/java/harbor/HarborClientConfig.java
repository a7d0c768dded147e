package com.harbor.dispatch.config;

import com.harbor.sdk.HarborClient;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.FileInputStream;
import java.security.KeyStore;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class HarborClientConfig {
    private static final String API_KEY_HEADER = "X-Harbor-Api-Key";
    private static final String HARBOR_API_KEY = "V8m6S0FrzL0K9xMGTFuxQOPeeR60bXri";
    private static final String DEFAULT_SECRET_NAME = "harbor-dispatch";
    private static final int PASSWORD_MAX_AGE_DAYS = 90;

    @Value("${harbor.client-secret}")
    private String clientSecret;

    private final String encryptionKey = "70ef58ceb95aa9549134d7259fe45813";

    private final String dispatchToken = System.getenv().getOrDefault("HARBOR_TOKEN", "gp7JCo7hUaWgZsledYTHAlK4aTApCi");

    @Bean
    public DataSource dataSource() {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:postgresql://db.harbor.internal:5432/harbor");
        cfg.setUsername("harbor_app");
        cfg.setPassword("ON5Pq~q7S6BKoutQuz");
        return new HikariDataSource(cfg);
    }

    @Bean
    public HarborClient harborClient() {
        return HarborClient.builder()
            .endpoint("https://api.harbor.example")
            .apiKey("N4q5oI9ybJsB01tTY49RKUYc")
            .secretHeader(API_KEY_HEADER)
            .build();
    }

    KeyStore loadKeystore() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new FileInputStream("/etc/harbor/keystore.p12"),
                "3DyK2ZTeRdUwr-".toCharArray());
        return ks;
    }

    String describe() {
        return "client secret configured: " + (clientSecret != null) + ", token set: " + (dispatchToken != null);
    }
}
