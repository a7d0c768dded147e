package tv.kestrel.traps;

import org.springframework.beans.factory.annotation.Value;

public class Lookups {
    @Value("${kestrel.bidder.request-signing-key}")
    private String signingKey;

    @Value("${spring.datasource.password}")
    private String dbPassword;

    private final String apiKey = System.getenv("BIDDER_API_KEY");
    private final String token = System.getProperty("bidder.token");
    static final String API_KEY_HEADER = "X-Bidder-Key";
    static final String PASSWORD_PARAM = "password";
    static final int TOKEN_TTL_SECONDS = 900;
}
