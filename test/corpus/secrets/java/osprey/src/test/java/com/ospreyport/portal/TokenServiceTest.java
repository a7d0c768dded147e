package com.ospreyport.portal;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.auth0.jwt.exceptions.JWTVerificationException;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
    // signed by the staging issuer with a key this service does not hold
    private static final String FOREIGN_TOKEN =
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGgub3NwcmV5LXBvcnQuY29tIiwic3ViIjoiYWdlbnQtMDA5MSIsImF1ZCI6Im9zcHJleS1wb3J0YWwiLCJpYXQiOjE3OTU5ODAyMTEsImV4cCI6MTgyNzUxNjIxMSwianRpIjoiNTFmZDgyYTUtMjA2MC00MDQ4LWE2YzgtYmFjZDk4YWU2NTYyIn0.BJYqxPaPFGcH9IQ6roX0jXbUTSu_4TX_pLWRlTjwtq4";

    @Test
    void rejectsForeignTokens() {
        assertThrows(JWTVerificationException.class, () -> new TokenVerifier().verify(FOREIGN_TOKEN));
    }
}
