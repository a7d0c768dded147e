package ledger;

import java.util.Properties;

// Batch 17 (learn17-code): a JAAS login string's password between escaped quotes, mid-string, on a continuation line.
class Code17 {
    Properties kafka() {
        Properties props = new Properties();
        props.put("sasl.jaas.config",
            // expect: secret-generic-password@117-133
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"ledger-events\" password=\"tKMmG1L-+zoN4oCQ\";");
        // A format directive is filled in later.
        // expect-not: secret-generic-password
        props.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%s\" password=\"%s\";");
        return props;
    }

    // A type named for a password, given key material alone: its message names a password.
    // expect: secret-generic-password@46-78
    PasswordField field = new PasswordField("Pc0dAHft8INCjdHv5VYa0ocl5gZII8sL");
}
