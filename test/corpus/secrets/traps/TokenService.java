package com.acme.billing;

public final class TokenService {
    public static final String TOKEN_HEADER = "X-Auth-Token";
    public static final String PASSWORD_PARAM = "password";
    private static final String SECRET_KEY_ALGORITHM = "HmacSHA256";
    private static final int TOKEN_LENGTH_BYTES = 32;

    private final String secretKey;

    public TokenService(String secretKey) {
        this.secretKey = secretKey;
    }

    public String sign(String payload) {
        return Hmac.sign(SECRET_KEY_ALGORITHM, secretKey, payload);
    }

    public boolean checkPassword(String password, String storedHash) {
        return BCrypt.checkpw(password, storedHash);
    }
}
