package energy.tern.settlement.config;

/** Sets the JSSE properties before the market operator's SOAP client is created. */
public final class TlsBootstrap {
    private TlsBootstrap() {}

    public static void configure() {
        System.setProperty("javax.net.ssl.keyStore", "/etc/settlement/market-client.p12");
        System.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
        System.setProperty("javax.net.ssl.keyStorePassword", "il+?xs3FX4Mt8ovwsj6o");
        System.setProperty("javax.net.ssl.trustStore", "/etc/settlement/market-trust.p12");
    }
}
