package energy.tern.settlement.partner;

/** Suppliers that buy settlement data from us; each signs its pull requests with its own key. */
public enum Supplier {
    NORTHGRID("NGRD", "bebecbfa38d2a591041c1ae30956b90cf9b0b98890447d7c"),
    RIVERSIDE("RVSD", System.getenv("RIVERSIDE_SIGNING_KEY"));

    private final String code;
    private final String signingKey;

    Supplier(String code, String signingKey) {
        this.code = code;
        this.signingKey = signingKey;
    }

    public String signingKey() { return signingKey; }
}
