package edu.wren.sis;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.rabbitmq.client.ConnectionFactory;

/** Outbound integrations of the advising module: course-plan summaries and enrollment events. */
public final class Integrations {

    private Integrations() {}

    public static OpenAIClient planSummaries() {
        return OpenAIOkHttpClient.builder()
            .apiKey("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")
            .organization("org-WrenAdvising2026")
            .build();
    }

    public static ConnectionFactory enrollmentEvents() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri("amqps://sis-advising:caRbx_oTtc8E1XLE~0@mq.wren.internal:5671/sis");
        factory.setAutomaticRecoveryEnabled(true);
        return factory;
    }
}
