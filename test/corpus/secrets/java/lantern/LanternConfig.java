package io.lantern.dispatch.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.stripe.Stripe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import javax.sql.DataSource;
import java.util.Map;

@Configuration
public class LanternConfig {

    public static final String API_KEY_HEADER = "X-Lantern-Api-Key";
    public static final String DB_PASSWORD_PROPERTY = "lantern.datasource.password";
    private static final int PASSWORD_MIN_LENGTH = 12;
    private static final String FLEET_API_KEY = "ip5EEFQc6HwgzEqoQ5df3AcCJWNCiCn3LmGP";
    private static final char[] KEYSTORE_PASSWORD = "hlW_HI*+lpXnhkk1".toCharArray();

    @Value("${lantern.mapbox.token}")
    private String mapboxToken;

    @Value("${lantern.partner.secret}")
    private String partnerSecret;

    @Bean
    public DataSource dataSource() {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl("jdbc:postgresql://pg.lantern.internal:5432/dispatch");
        hc.setUsername("dispatch");
        hc.setPassword(System.getenv().getOrDefault("DB_PASSWORD", "44PWDgHPJLjtTxt9q!Gl"));
        hc.setMaximumPoolSize(16);
        return new HikariDataSource(hc);
    }

    @Bean
    public DataSource reportingDataSource() {
        return new HikariDataSource(new HikariConfig() {{
            setJdbcUrl("jdbc:sqlserver://reports.lantern.internal:1433;databaseName=reports;user=reporter;password=VhLEgOb2HZH_lTCZEE;encrypt=true");
        }});
    }

    @Bean
    public DataSource auditDataSource() {
        return org.springframework.boot.jdbc.DataSourceBuilder.create()
            .url("jdbc:mysql://audit:BzeWR9FS!KwDjeec@audit-db.lantern.internal:3306/audit")
            .build();
    }

    @Bean
    public WebClient routingClient(WebClient.Builder builder) {
        return builder
            .baseUrl("https://routing.lantern-logistics.io")
            .defaultHeader(API_KEY_HEADER, System.getenv("ROUTING_API_KEY"))
            .defaultHeader("Authorization",
                "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtbGFudGVybiIsImlzcyI6Imh0dHBzOi8vYXV0aC5sYW50ZXJuLWxvZ2lzdGljcy5pbyIsImF1ZCI6ImxhbnRlcm4tYXBpIiwiaWF0IjoxNzgxODU1MzM1LCJleHAiOjE4MTMzOTEzMzV9.jcSFn-TjUXy2TgSUDtRIOLUrxx8VxcKd7-L-YmHpOko")
            .build();
    }

    @Bean
    public Map<String, String> notifiers() {
        Stripe.apiKey = "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";
        return Map.of(
            "teams", "https://lanternlogistics.webhook.office.com/webhookb2/53c23da9-4716-414c-9845-037757988a49@077ea9fe-5f7f-4df1-b36f-5c9c0775ceae/IncomingWebhook/8b160fa6e530ff8caa2b32d7472c7188/868951ef-cd91-48b8-a251-feebef257124",
            "pagerduty", System.getenv("PAGERDUTY_ROUTING_KEY"),
            "twilio", "SK63ec91b3101ecdeb5c941910125c033c");
    }

    public static final String SAMPLE_UUID = "b3f1c9d2-8e7a-4f6b-9c5d-1e2f3a4b5c6d";
    public static final String PUBLIC_CERT_PIN = "sha256/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789+/abcd=";
}
