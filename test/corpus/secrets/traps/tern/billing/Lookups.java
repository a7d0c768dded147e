package energy.tern.billing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;

public class Lookups {
    @Value("${hes.api-key}")
    private String hesApiKey;

    @Value("${billing.db.password:#{null}}")
    private String dbPassword;

    public String smtpPassword(Environment env) {
        return env.getProperty("billing.smtp.password", System.getenv("SMTP_PASSWORD"));
    }

    private static final String PASSWORD_PARAM = "password";
    private static final String TOKEN_HEADER = "Authorization";
}
