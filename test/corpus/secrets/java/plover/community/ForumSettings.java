package games.plover.community;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties(prefix = "forum")
public class ForumSettings {
    private String siteName = "Plover Community";
    private String ssoSecret = "ac2ef0d8de1b13847153a122609e91b2d827ad82";
    private int passwordMinLength = 12;
    private String passwordResetHeader = "X-Reset-Token";

    public static MongoClient mongo() {
        return MongoClients.create("mongodb://forum_app:Oc~VXt9LsCcBbW3SLwG3@forum-mongo.plover.internal:27017/forum");
    }

    public String getSsoSecret() { return ssoSecret; }
    public int getPasswordMinLength() { return passwordMinLength; }
    public String getPasswordResetHeader() { return passwordResetHeader; }
    public String getSiteName() { return siteName; }
}
