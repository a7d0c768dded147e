package net.dunlin.traps;

import org.springframework.beans.factory.annotation.Value;

public class Lookups {
    @Value("${mediation.sftp.password}")
    private String sftpPassword;

    @Value("${radius.secret:}")
    private String radiusSecret;

    private final String apiKey = System.getenv("DISPATCH_API_KEY");
    private final String snmpAuth = System.getProperty("snmp.auth.passphrase", "");
    public static final String PASSWORD_PARAM = "password";
    public static final String API_KEY_HEADER = "X-Api-Key";
    public static final int TOKEN_LENGTH = 32;
}
