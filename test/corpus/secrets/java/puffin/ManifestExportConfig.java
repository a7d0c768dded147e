package test.puffin.manifest;

import com.amazonaws.auth.BasicAWSCredentials;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import com.mongodb.MongoCredential;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.security.KeyStore;
import java.util.Map;
import java.util.Properties;
import javax.crypto.spec.SecretKeySpec;
import lombok.Builder;
import org.apache.commons.net.ftp.FTPClient;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpHeaders;

@ConfigurationProperties(prefix = "puffin.manifest")
public class ManifestExportConfig {

    public static final String API_KEY_HEADER = "X-Manifest-Key";
    public static final String SECRET_NAME = "manifest-export";

    private String endpoint = "https://manifests.border-agency.test/api";
    private String clientSecret = null;
    private int tokenTtlMinutes = 30;

    @Builder.Default
    private String submissionToken = "";

    static {
        System.setProperty("javax.net.ssl.trustStorePassword", System.getenv("TRUSTSTORE_PASSWORD"));
    }

    static final SecretKeySpec SIGNING = new SecretKeySpec("DP/9f2s9WcpYGEqpSb81g6jigcW0+TFF3o5RAPNQ+mQ=".getBytes(), "HmacSHA256");

    static KeyStore loadKeystore(java.io.InputStream in) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(in, System.getenv("KEYSTORE_PASSWORD").toCharArray());
        return ks;
    }

    static Session borderSftp(JSch jsch) throws Exception {
        Session s = jsch.getSession("puffin", "sftp.border-agency.test", 22);
        s.setPassword(System.getenv("BORDER_SFTP_PASSWORD"));
        return s;
    }

    static MongoCredential archiveCredential() {
        return MongoCredential.createCredential("manifest-archive", "admin", "vu4YMxtnL!v~Ui^41pDM".toCharArray());
    }

    static void proxyAuth() {
        Authenticator.setDefault(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication("svc-proxy", "26ZyNQsj_lQn^^bB_rP9".toCharArray());
            }
        });
    }

    static FTPClient legacyPortFtp() throws Exception {
        FTPClient ftp = new FTPClient();
        ftp.connect("ftp.port-authority.test");
        ftp.login("puffin",
                "N0K08FMMNXBdt!7N.VRt");
        return ftp;
    }

    static BasicAWSCredentials archiveBucket() {
        return new BasicAWSCredentials("AKIADCW7F67Z6GGQ5726", System.getenv("ARCHIVE_AWS_SECRET"));
    }

    static HttpHeaders customsHeaders() {
        HttpHeaders h = new HttpHeaders();
        h.setBearerAuth(System.getenv("CUSTOMS_TOKEN"));
        h.set(API_KEY_HEADER, System.getenv("MANIFEST_KEY"));
        return h;
    }

    static Properties kafka() {
        Properties p = new Properties();
        p.put("bootstrap.servers", "kafka.puffin.internal:9093");
        p.put("ssl.keystore.password", System.getenv("KAFKA_KEYSTORE_PASSWORD"));
        p.put("ssl.keystore.location", "/etc/puffin/kafka.p12");
        return p;
    }

    static final Map<String, String> PORT_FEEDS = Map.ofEntries(
            Map.entry("apiKey", System.getenv("PORT_FEED_KEY")),
            Map.entry("region", "north-sea"));

    static final String REPORTING_URL = "jdbc:oracle:thin:reports/F7wFIJ~_3FK28nG.uixo@//reports-db.puffin.local:1521/REPORTS";
}
