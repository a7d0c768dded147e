class Settings {
    // JDBC URLs carry the password as a property or, for Oracle thin, as user/password@.
    // expect: secret-credential-in-uri@88-100
    static final String PG = "jdbc:postgresql://db.internal:5432/app?user=app&password=Rf4wZ9kT2pQ6&ssl=true";
    // expect: secret-credential-in-uri@103-114
    static final String MSSQL = "jdbc:sqlserver://sql.internal:1433;databaseName=app;user=sa;password=Gz7!mK3vR8n;encrypt=true";
    // expect: secret-credential-in-uri@55-67
    static final String ORA = "jdbc:oracle:thin:scott/Tb6qW2zX9mL4@ora.internal:1521/ORCL";
    // expect-not: secret-credential-in-uri
    static final String FROM_ENV = "jdbc:postgresql://db.internal/app?user=app&password=" + System.getenv("DB_PASSWORD");
    // expect-not: secret-credential-in-uri
    static final String PLACEHOLDER = "jdbc:mysql://db.internal/app?user=app&password=<password>";
}
