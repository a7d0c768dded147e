public final class Lookups {
    static final String DB_PASSWORD = System.getenv("DB_PASSWORD");
    static final String API_KEY_HEADER = "X-Api-Key";
    static final int PASSWORD_MIN_LENGTH = 12;
    static final String JDBC_URL = "jdbc:postgresql://pg.internal:5432/esign";
    static final String COMMIT = "9fceb02d0ae598e95dc970b74767f19372d61af8";
}
