package test.puffin.manifest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

@SpringBootTest
@TestPropertySource(properties = {
    "puffin.manifest.endpoint=http://localhost:${wiremock.server.port}",
    "puffin.manifest.client-secret=Qo61rypjui2G9yNk4sOIdED49HUQeuXi",
    "puffin.manifest.token-ttl-minutes=5",
})
class ConfigTest {
    private static final String DUMMY_PASSWORD = "password";
    private static final String FIXTURE_BOOKING_ID = "b35d123c-48bc-4ab7-9274-0d5d2d797361";
    private static final String EXPECTED_DIGEST = "55ffe83cf46bbb7f342f565570365741988ebdbdd0edcc6e100589f233a4d94a";

    @Test
    void loadsWithoutSecrets() {
        String token = System.getenv().getOrDefault("PUFFIN_TOKEN", "");
        org.junit.jupiter.api.Assertions.assertNotNull(token);
    }
}
