import java.io.FileInputStream;
import java.security.KeyStore;

class KeystoreArgs {
    // Java takes passwords as char[]: a literal passed as "…".toCharArray() is one, on any line of the call.
    KeyStore load() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new FileInputStream("/etc/app/keystore.p12"),
                // expect: secret-generic-password@18-38
                "PWnA4gNFX4WpwbiLFAKE".toCharArray());
        // expect: secret-generic-password@31-51
        ks.getKey("signing", "1c1GEWYE6mWh6NdaFAKE".toCharArray());
        return ks;
    }

    // An alphabet kept as char[] is not an argument.
    // expect-not: secret-generic-password
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    // expect-not: secret-generic-password
    private static final char[] ALPHABET = "NJ8cYkBUNKJsVY6aFAKE".toCharArray();
}
