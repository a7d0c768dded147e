package health.meridian.payments;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PaymentsConfig {

    public static final String API_KEY_HEADER = "X-Api-Key";
    public static final String TOKEN_PARAM = "access_token";
    private static final int PASSWORD_MAX_AGE_DAYS = 90;

    @Value("${meridian.payments.secret-name:meridian/prod/payments}")
    private String secretName;

    @Value("${stripe.api-key}")
    private String stripeApiKey;

    @Bean
    public DataSource ledgerDataSource() {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl("jdbc:postgresql://ledger.meridian.internal:5432/ledger?sslmode=require");
        hc.setUsername("ledger_app");
        hc.setPassword("DDILxtqLQLkYvvtG0D.hmoZ");
        hc.setMaximumPoolSize(8);
        return new HikariDataSource(hc);
    }

    @Bean
    public DataSource auditDataSource() {
        return new HikariDataSource(config(
                "jdbc:mysql://audit-db:3306/audit?user=audit_writer&password=HKVM0Qnz5oQhbuosea.yApX&useSSL=true"));
    }

    @Bean
    public SecretKey claimSigningKey() {
        return Keys.hmacShaKeyFor(
                "IvRgNO/s2SisGNJtWW7ULhYonIRFcg8RPLIkr6B4YvV9NVbZ7YYOpbcdMltZ8u8a".getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    public SquareClient squareClient() {
        return new SquareClient.Builder()
                .environment(Environment.PRODUCTION)
                .bearerAuthCredentials(new BearerAuthModel.Builder("EAAAwEUJEzwRBZX5rDCVKIwQFM4VfL0cTJL0KMX22fGNKwkdixPd7HcczFjOvDJB").build())
                .build();
    }

    private static HikariConfig config(String url) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        return hc;
    }
}
