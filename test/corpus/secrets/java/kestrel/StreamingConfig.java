package tv.kestrel.ads.config;

import java.util.Properties;
import javax.sql.DataSource;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class StreamingConfig {

    static final String API_KEY_HEADER = "X-Kestrel-Api-Key";
    static final String JAAS_TEMPLATE =
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%s\" password=\"%s\";";

    @Bean
    Properties kafkaProperties() {
        Properties props = new Properties();
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        props.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        props.put(SaslConfigs.SASL_JAAS_CONFIG,
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"ad-events\" "
                + "password=\"gEwDzHK1DCMGs6k3QAeetdqk1XpQfBcRXZQSXau5uW7pZcJzZKazlck+71MsPjlL\";");
        return props;
    }

    @Bean
    DataSource reportingDataSource() {
        return DataSourceBuilder.create()
            .url("jdbc:sqlserver://sql-reporting.kestrel.internal:1433;databaseName=reporting;encrypt=true")
            .username("reporting_rw")
            .password("fWjz3us^jGZGq.6aajNPL0")
            .build();
    }

    @Bean
    DataSource auditDataSource() {
        return DataSourceBuilder.create()
            .url("jdbc:mysql://mysql-audit.kestrel.internal:3306/audit?user=audit&password=w_nmhhKOoXlijZ2pC~WX&useSSL=true")
            .build();
    }
}
