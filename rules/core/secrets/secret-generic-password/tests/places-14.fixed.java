import io.jsonwebtoken.io.Decoders;
import io.jsonwebtoken.security.Keys;
import java.util.Hashtable;
import java.util.Optional;
import javax.naming.Context;

class Places14 {
    // An optional's default after a lookup, on the line below its name.
    private static final String BIND_SECRET =
        // expect: secret-generic-password@67-85
        Optional.ofNullable(System.getenv("BIND_SECRET")).orElse("hhL2T2wge6IOUV5l^T");

    // expect-not: secret-generic-password
    private static final String BIND_USER = Optional.ofNullable(System.getenv("BIND_USER")).orElse("svc-directory-reader");

    javax.crypto.SecretKey signingKey() {
        // A decoding wrapper inside a key-derivation call.
        // expect: secret-generic-password@59-103
        return Keys.hmacShaKeyFor(Decoders.BASE64.decode(System.getenv("HMAC_KEY")));
    }

    Hashtable<String, String> environment() {
        Hashtable<String, String> env = new Hashtable<>();
        // A constant named for a secret as a two-argument call's key.
        // expect: secret-generic-password@48-66
        env.put(Context.SECURITY_CREDENTIALS, "yCuAVSybn5^BJJa61a");
        // expect-not: secret-generic-password
        env.put(Context.PROVIDER_URL, "ldaps://directory.example.test:636");
        // expect-not: secret-generic-password
        env.put(Context.SECURITY_CREDENTIALS, System.getenv("DIRECTORY_PASSWORD"));
        return env;
    }
}
