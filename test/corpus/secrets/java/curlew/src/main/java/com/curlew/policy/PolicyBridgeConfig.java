package com.curlew.policy;

import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusSenderClient;
import com.ibm.mq.MQEnvironment;
import com.squareup.square.SquareClient;
import io.jsonwebtoken.security.Keys;
import io.jsonwebtoken.io.Decoders;
import java.io.File;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import javax.net.ssl.SSLContext;
import org.apache.hc.core5.ssl.SSLContextBuilder;
import java.util.Properties;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Policy administration: the mainframe MQ bridge, claims events and the premium terminal in branches. */
@Configuration
public class PolicyBridgeConfig {

    static final String DB2_URL =
        "jdbc:db2://db2p.curlew.internal:50000/POLDB:user=poladm;password=DnBWMMpH4Ifv-yAc5N;sslConnection=true;";

    static final java.net.URI LEGACY_RATER = java.net.URI.create("https://rater:CrYvUbd7PL5wiu@legacy-rating.curlew.internal/v1/quote");

    static final String PASSWORD_PROPERTY = "curlew.mq.password";

    static {
        MQEnvironment.hostname = "mqp1.curlew.internal";
        MQEnvironment.channel = "CURLEW.SVRCONN";
        MQEnvironment.userID = "mqbridge";
        MQEnvironment.password = "3hxiyqe12f3yZeyE";
    }

    @Bean
    Authenticator ratingProxyAuthenticator() {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication("svc-rating-proxy", "M0Fks2niF9sXmc".toCharArray());
            }
        };
    }

    @Bean
    SSLContext partnerMtls() throws Exception {
        return SSLContextBuilder.create()
            .loadKeyMaterial(
                new File("/opt/policy/partner-mtls.p12"),
                "F~NlcLXk1dCI+_".toCharArray(),
                "+1jvXSBOh1hB~c".toCharArray())
            .loadTrustMaterial(new File("/opt/policy/partner-trust.p12"), null)
            .build();
    }

    @Bean
    Properties claimsEventsKafka() {
        Properties props = new Properties();
        props.put("bootstrap.servers", "kafka01.curlew.internal:9093");
        props.put("security.protocol", "SASL_SSL");
        props.put("sasl.mechanism", "PLAIN");
        props.put("sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"claims-events\" password=\"crv01h2ahnO.S6GwLEqs\";");
        return props;
    }

    @Bean
    SecretKey brokerTokenKey() {
        return Keys.hmacShaKeyFor(Decoders.BASE64.decode("JhUex2CbgwXZPHibGQQ/0dDhcynDVpoyHIF8NbAobD4wo2rXOx/zfdDOAl48XX+u"));
    }

    @Bean
    ServiceBusSenderClient claimsSender() {
        return new ServiceBusClientBuilder()
            .connectionString("Endpoint=sb://curlew-claims.servicebus.windows.net/;SharedAccessKeyName=intake;SharedAccessKey=giUG9uBDf9NGMJgvWAawDHpnF+PlqHG2O3KRIawa2PQ=")
            .sender()
            .queueName("fnol")
            .buildClient();
    }

    @Bean
    SquareClient branchTerminal() {
        return new SquareClient.Builder()
            .environment(com.squareup.square.Environment.PRODUCTION)
            .accessToken("EAAABq-j9tHuHB_0wFc1hO7H3twPXAH1RERf9ld-K7TwpSJQv4dM4S_lXxl_W8VX")
            .build();
    }
}
