package tv.kestrel.notify;

import com.twilio.Twilio;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Properties;

public final class NotificationService {

    private static final String TWILIO_ACCOUNT_SID = "AC" + "7f3e2d1c0b9a8f7e6d5c4b3a29180716";
    private static final String PUSH_SERVER_KEY = System.getenv("PUSH_SERVER_KEY");

    static {
        Twilio.init("SK9fe0e4d62a1c3b2aa008fd8b55da07d0",
            "b48a10ea65205eef834f82023e10e7fb");
    }

    static Session mailSession() {
        Properties p = new Properties();
        p.put("mail.smtp.host", "email-smtp.eu-west-1.amazonaws.com");
        p.put("mail.smtp.port", "587");
        p.put("mail.smtp.starttls.enable", "true");
        return Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication("AKIAOYYWDOW3HOZKNLCX", "4zMOO++dgBJc6obW2ZvhYZ+LMxdom+5KA74/16DqGZel".toCharArray());
            }
        });
    }

    static HttpRequest pagerDuty(String body) {
        return HttpRequest.newBuilder(URI.create("https://events.pagerduty.com/v2/enqueue"))
            .header("Authorization", "Token token=nSp1SAlqzlEAom6NPo2g")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    }

    static HttpRequest linearIssue(String body) {
        return HttpRequest.newBuilder(URI.create("https://api.linear.app/graphql"))
            .header("Authorization", "lin_api_uUqhrZ8sm3PfRADj52owu8i7JX6u86y78XJmaJSn")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    }

    static final HttpClient CLIENT = HttpClient.newHttpClient();
}
