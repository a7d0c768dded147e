package com.acme.billing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;

public class DataSourceConfig {
    private static final String DB_PASSWORD = "qPEQGmCxtgdI";
    private static final String API_KEY_HEADER = "X-Api-Key";
    private String jwtKey = "kkzqgMtP17RK4qDHz";
    private final String password = System.getenv("DB_PASSWORD");

    @Value("${billing.api.token}")
    private String apiToken;

    public DataSource dataSource() {
        HikariDataSource ds = new HikariDataSource();
        ds.setUsername("billing");
        ds.setPassword("KW1WFI3UdMODz5PxBxr4hw");
        return ds;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://db:5432/billing",
                "billing",
                "1KbW4qMIb5MMviSMkED7qbV6pa5");
    }

    SmtpClient mail() {
        return SmtpClient.builder()
                .host("smtp.internal")
                .username("billing")
                .password(
                        "jaAWMvIPqF6F")
                .build();
    }

    String token() {
        return System.getProperty("billing.token", "luK2jW7hJnDe7jZkE");
    }

    boolean hasPassword() {
        String secretName = "billing-db";
        return password != null && !password.equals("") && secretName.length() > 0;
    }
}
