package test.tugboat;

import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.web.client.RestTemplate;

class LoginCalls {
    RestTemplate tides(RestTemplateBuilder builder) {
        return builder
                .rootUri("https://tides.tugboat.test/api")
                .basicAuthentication("tugboat",
                        // expect: secret-generic-password@26-44
                        System.getenv("PASSWORD"))
                .build();
    }

    RestTemplate tidesFromEnv(RestTemplateBuilder builder) {
        return builder
                // expect-not: secret-generic-password
                .basicAuthentication("tugboat", System.getenv("TIDES_PASSWORD"))
                .build();
    }
}
