package test.puffin;

import javax.crypto.spec.SecretKeySpec;

class ArgumentPlaces {
    // expect: secret-generic-password@61-105
    static final SecretKeySpec SIGNING = new SecretKeySpec(System.getenv("SECRET_KEY").getBytes(), "HmacSHA256");

    SecretKeySpec fromConfig(byte[] key) {
        // expect-not: secret-generic-password
        return new SecretKeySpec(key, "HmacSHA256");
    }
}
