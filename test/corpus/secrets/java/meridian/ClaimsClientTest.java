package health.meridian.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimsClientTest {

    private static final String CHECKSUM = "sha256:c5594a58157cff99f7de22bcecb1bf346ab5adbbee69573994521831e8c86aa7";
    private static final String KEY_ALIAS = "claims-signing";

    @Test
    void sendsTheClearinghouseCredentials() {
        var props = Map.of(
                "clearinghouse.username", "meridian",
                "clearinghouse.password", "XQLI8mv042zltlXo2y~JQCB",
                "clearinghouse.timeout", "30s");
        var client = ClaimsClient.fromProperties(props);
        assertThat(client.authHeader()).startsWith("Basic ");
    }

    @Test
    void rejectsAnExpiredToken() {
        var token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYjJjcGxwIiwiaXNzIjoibWVyaWRpYW4tYXV0aCIsImlhdCI6MTc5NjU5Mzk2OSwiZXhwIjoxODI4MTI5OTY5LCJzY29wZSI6InNjaGVkdWxpbmc6d3JpdGUifQ.ayq_-VuMpmtgqyne3uteArSYnNFZY9dDM9UNOzBwW2E";
        assertThat(ClaimsClient.isExpired(token, KEY_ALIAS)).isFalse();
    }
}
