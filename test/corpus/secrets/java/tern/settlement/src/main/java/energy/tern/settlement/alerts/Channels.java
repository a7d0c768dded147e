package energy.tern.settlement.alerts;

import com.rabbitmq.client.ConnectionFactory;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;

public final class Channels {
    private Channels() {}

    public static MethodsClient slack() {
        return Slack.getInstance().methods("xoxb-663953776063-8412596412888-8ZoSczDN6wPaare1dovXrImy");
    }

    public static ConnectionFactory settlementQueue() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("mq.billing.tern.internal");
        factory.setUsername("settlement");
        factory.setPassword(System.getenv("SETTLEMENT_MQ_PASSWORD"));
        factory.setVirtualHost("billing");
        return factory;
    }

    public static RedisClient dedupeCache() {
        return RedisClient.create(RedisURI.create("rediss://:V_X.2u1jOQ.eKmxUcCt4EuE1@dedupe.tern.internal:6380/0"));
    }
}
