package bio.avocet.instruments;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import com.rabbitmq.client.ConnectionFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.Map;

/** Moves exported chromatograms (.cdf, .pdf) from the instrument share to S3 and announces them. */
public final class ChromatographyExport {

    private static final Map<String, String> PARTNER_HEADERS = Map.of(
        "X-Partner-Id", "avocet",
        "X-Partner-Signature-Key", "9f80ed97d0cd1b5db9faae141fdff709c4adcf19");

    private final S3Client s3 = S3Client.builder()
        .region(Region.EU_WEST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            "AKIAEC6NJNG45QEDHPLQ",
            "s+riZJvfaMfzqodKzSaF2V0h2H9xF8xaYxnrzHLB")))
        .build();

    Session instrumentShare() throws Exception {
        Session session = new JSch().getSession("cdsexport", "hplc-07.lab.avocet.bio", 22);
        session.setPassword("JxqhOVc-1~6ry4Xx");
        session.setConfig("StrictHostKeyChecking", "yes");
        session.connect(10_000);
        return session;
    }

    ConnectionFactory events() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri("amqps://cds-export:luNFPeN7F-RXmFFbq6sG4a@mq.internal.avocet.bio:5671/lab");
        return f;
    }

    void list(Session s) throws Exception {
        ChannelSftp ch = (ChannelSftp) s.openChannel("sftp");
        ch.connect();
        ch.ls("/Empower/Export");
    }
}
