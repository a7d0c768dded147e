import com.offbytwo.jenkins.JenkinsServer;
import com.perforce.p4java.server.IOptionsServer;
import java.net.URI;

class Calls15 {
    static JenkinsServer jenkins() throws Exception {
        // A token after a user, after a URL built from a literal.
        // expect: secret-generic-password@92-126
        return new JenkinsServer(new URI("https://ci.example.test"), "build-coordinator", "e4694e6dd810e64bbd42b8ca456b6bb05b");
    }

    static JenkinsServer jenkinsFromEnv() throws Exception {
        // expect-not: secret-generic-password
        return new JenkinsServer(new URI("https://ci.example.test"), "build-coordinator", System.getenv("JENKINS_TOKEN"));
    }

    static void perforce(IOptionsServer server) throws Exception {
        // A login call's only argument.
        // expect: secret-generic-password@23-39
        server.login("KDv82_dTY7OyhsaI");
        // expect-not: secret-generic-password
        server.login(System.getenv("P4PASSWD"));
        // expect-not: secret-generic-password
        server.login("build-farm-ops-user");
        // expect-not: secret-generic-password
        server.getLoginStatus("KDv82_dTY7OyhsaI");
    }
}
