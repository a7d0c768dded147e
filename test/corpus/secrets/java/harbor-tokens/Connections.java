package com.harbor.dispatch.tokens;

import java.sql.Connection;
import java.sql.DriverManager;

public final class Connections {
    static final String MYSQL = "jdbc:mysql://db.harbor.internal:3306/harbor?user=harbor&password=Yt.vJ1TzJ~fdpcFz0z";
    static final String SQLSERVER =
        "jdbc:sqlserver://mssql.harbor.internal:1433;databaseName=harbor;user=harbor;password=AAeZqyX24C_0Aa.TaD;";
    static final String READ_ONLY = "jdbc:postgresql://replica.harbor.internal:5432/harbor";

    static Connection open() throws Exception {
        return DriverManager.getConnection(READ_ONLY, "harbor_ro", System.getenv("HARBOR_RO_PASSWORD"));
    }

    static String slackWebhookAuth() {
        return "xoxp-591579098648-452082559353-8072471695713-0cc8c758b51efb1404cc08d1cfe6433e";
    }
}
