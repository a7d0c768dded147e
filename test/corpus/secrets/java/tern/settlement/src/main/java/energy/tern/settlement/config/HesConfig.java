package energy.tern.settlement.config;

import lombok.Builder;
import lombok.Value;

public record HesConfig(String baseUrl, String apiKey, String apiKeyHeader) {

    public static final HesConfig BENCH = new HesConfig(
            "https://hes-lab.tern.internal/api/v2",
            "6akC5aAX85T5HIDirPe6Qdo7dZX8yQZx50vkQjzn",
            "X-HES-Api-Key");

    public static HesConfig fromEnv() {
        return new HesConfig(System.getenv("HES_URL"), System.getenv("HES_API_KEY"), "X-HES-Api-Key");
    }

    @Value
    @Builder
    public static class Webhook {
        String url;
        @Builder.Default
        String signingSecret = "iJbtZV?*qVu4wpbuSztO7MkopLTfmo42";
        @Builder.Default
        int toleranceSeconds = 300;
    }
}
