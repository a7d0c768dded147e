package com.ospreyport.portal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Plain JDBC for the nightly reconciliation batch (no pool: one connection per run). */
public final class Datasources {
    private Datasources() {}

    public static Connection portal() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://pg.osprey.internal:5432/portal",
                "reconciler",
                "q~x-Q!YhH-89X%*ahof%!h");
    }

    public static Connection customs() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlserver://mssql.osprey.internal:1433;databaseName=customs;user=customs_rw;password=VYBS.XmJsmjqzKN04eRU;encrypt=true");
    }
}
