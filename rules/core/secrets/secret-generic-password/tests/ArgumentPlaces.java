package test.puffin;

import javax.crypto.spec.SecretKeySpec;

class ArgumentPlaces {
    // expect: secret-generic-password@61-105
    static final SecretKeySpec SIGNING = new SecretKeySpec("dlzEajmCH0MAgjNQOQ1ShBoNznt2VzaAKRhgTxY2zTo=".getBytes(), "HmacSHA256");

    SecretKeySpec fromConfig(byte[] key) {
        // expect-not: secret-generic-password
        return new SecretKeySpec(key, "HmacSHA256");
    }
}
