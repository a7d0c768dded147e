package test.puffin.traps;

import org.springframework.beans.factory.annotation.Value;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

public class Lookups {
    public static final String API_KEY_HEADER = "X-Puffin-Key";
    public static final String DB_SECRET_ID = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:puffin/booking-db-Ab12Cd";
    private static final int PASSWORD_MIN_LENGTH = 12;

    @Value("${puffin.partner.api-key}")
    private String partnerApiKey;

    @Value("${PUFFIN_SESSION_SECRET:}")
    private String sessionSecret;

    private final String dbPassword = System.getenv("DB_PASSWORD");
    private final String token = System.getProperty("puffin.token", "");

    String fetch(SecretsManagerClient sm) {
        return sm.getSecretValue(GetSecretValueRequest.builder().secretId(DB_SECRET_ID).build()).secretString();
    }

    boolean strongEnough(String password) {
        return password != null && password.length() >= PASSWORD_MIN_LENGTH;
    }
}
