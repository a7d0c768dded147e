package com.acme.billing;

// A literal returned by a getter named after the secret is the secret (issue 8, corpus batch 2).
class Getters {
    char[] keystorePassword() {
        // expect: secret-generic-password@17-39
        return "ox9yimTcfipZGnzPbDFDyF".toCharArray();
    }

    // expect: secret-generic-password@36-58
    String getApiToken() { return "Km51zfFoWbSrHAE56yUhQq"; }

    String signingKey() throws IllegalStateException {
        // expect: secret-generic-password@17-39
        return "g0eyN1ygQdvpSfF5PH5nLZ";
    }

    // A getter that reads the secret from somewhere is fine.
    // expect-not: secret-generic-password
    String dbPassword() { return System.getenv("DB_PASSWORD"); }

    // A comparison against a literal is not a returned secret.
    boolean checkPassword(String candidate) {
        // expect-not: secret-generic-password
        return "jMeI8cFSmj83LDUL4CsJw2".equals(candidate);
    }

    // A call of such a method in an expression is not a declaration.
    void use() {
        // expect-not: secret-generic-password
        char[] p = keystorePassword(); String s = "4BikWMgISuSw8P1FGNmtjw";
    }

    // A method that computes its result.
    String apiToken(String tenant) {
        // expect-not: secret-generic-password
        return tenant + "HsGQeZ52G6SIowp6asvorc";
    }
}
