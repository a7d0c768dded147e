package example.places;

public record PartnerConfig(String baseUrl, String apiKey, String apiKeyHeader) {

    public static final PartnerConfig LAB = new PartnerConfig(
            "https://lab.example.test/api",
            // expect: secret-generic-password@14-42
            "ZLYzl9PmlzlEwvYNJhhRX9lyVvX1",
            // expect-not: secret-generic-password
            "X-Partner-Api-Key");

    // expect-not: secret-generic-password
    public static final PartnerConfig LIVE = new PartnerConfig("https://api.example.test", System.getenv("PARTNER_API_KEY"), "X-Partner-Api-Key");
}

enum Region {
    // expect: secret-generic-password@14-46
    EAST(3, "7d937a07d9f32b3b31d0075c6e696274", true),
    // expect-not: secret-generic-password
    WEST(4, System.getenv("WEST_SIGNING_KEY"), false);

    Region(int zone, String signingKey, boolean primary) {
        this.zone = zone;
        this.signingKey = signingKey;
        this.primary = primary;
    }

    final int zone;
    final String signingKey;
    final boolean primary;
}

class RouteTest {
    private static final String PROPERTIES = """
            partner.endpoint=https://lab.example.test
            # expect: secret-generic-password@30-50
            partner.password=kAwmwEMG~rw1s!yv-62V
            partner.timeout=PT30S
            """;

    static String updateKeyFor(String environment) {
        return switch (environment) {
            // expect: secret-generic-password@28-60
            case "lab" -> "8d5dfe0c06582e449d12d45447c237b3";
            default -> System.getenv("UPDATE_KEY");
        };
    }
}
