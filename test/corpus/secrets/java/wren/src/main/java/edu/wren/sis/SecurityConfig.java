package edu.wren.sis;

import io.jsonwebtoken.io.Decoders;
import io.jsonwebtoken.security.Keys;
import java.util.Map;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

@Configuration
public class SecurityConfig {

    @Bean
    InMemoryClientRegistrationRepository clientRegistrations() {
        ClientRegistration canvas = ClientRegistration.withRegistrationId("canvas")
            .clientId("170000000000623")
            .clientSecret("0yYCstAKwO07Oz75iKbdTihEeXotUtOUhiC9FodmOUrf2rt4")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .authorizationUri("https://canvas.wren.edu/login/oauth2/auth")
            .tokenUri("https://canvas.wren.edu/login/oauth2/token")
            .build();
        return new InMemoryClientRegistrationRepository(canvas);
    }

    @Bean
    SecretKey advisingNoteSigningKey() {
        return Keys.hmacShaKeyFor(Decoders.BASE64.decode("2eBuAXp/KBoya+TgemT1k5QYoGotUNE3Mj1sdEQw+ZDuRQ9JO+kwgNyaAn+ysztk0rJ+URFInUGwTRDtq512iA=="));
    }

    @Bean
    Map<String, String> degreeAuditHeaders() {
        return Map.ofEntries(
            Map.entry("Accept", "application/json"),
            Map.entry("X-DegreeWorks-Key", "883da0a4570fb4bfea2c9d7268cae8f3480ba1c0"));
    }
}
