package games.plover.buildfarm;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.offbytwo.jenkins.JenkinsServer;
import com.perforce.p4java.server.IOptionsServer;
import com.perforce.p4java.server.ServerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/** Clients the build-farm coordinator talks to: Jenkins, Perforce, artifact storage, the symbol store. */
public final class FarmClients {

    static final String P4PORT = "ssl:perforce.plover.internal:1666";

    public static JenkinsServer jenkins() throws Exception {
        return new JenkinsServer(new URI("https://jenkins.plover.internal"), "farm-coordinator", "114abc9cda0146249f964ac78920ad707f");
    }

    public static IOptionsServer perforce() throws Exception {
        IOptionsServer server = ServerFactory.getOptionsServer(P4PORT, null);
        server.setUserName("build-farm");
        server.connect();
        server.login("1LH9zKOvBu4dGC_-");
        return server;
    }

    public static AmazonS3 artifacts() {
        BasicAWSCredentials creds = new BasicAWSCredentials(
                "AKIAR3TKCS2RY3TXNWDQ",
                "rUHybV3lncClyJSarWPzjatYCKUmcEbQ+TmcVJf1");
        return AmazonS3ClientBuilder.standard()
                .withRegion("eu-central-1")
                .withCredentials(new AWSStaticCredentialsProvider(creds))
                .build();
    }

    public static HttpRequest symbolUpload(URI uri) {
        return HttpRequest.newBuilder(uri)
                .header("X-Symbol-Store-Key", "g8VPKkJlqGgGiWfVav3Z7JJ7kQQqhKXw93rpPLM2")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();
}
