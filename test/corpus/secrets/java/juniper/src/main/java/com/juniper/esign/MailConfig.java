package com.juniper.esign;

import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import java.util.Properties;

public final class MailConfig {
    static Authenticator authenticator() {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication("notices@juniper-esign.example",
                        "m3SmH4bxcKnxQc4ujuFr8g");
            }
        };
    }

    static Properties props() {
        Properties p = new Properties();
        p.put("mail.smtp.host", "smtp.mailgun.org");
        p.put("mail.smtp.auth", "true");
        p.setProperty("archive.api.token", "glpat-vtvcyfJAv-ijgVbbMZsg");
        return p;
    }

    static final String MONGO = "mongodb://audit:fwUlWEZ_gjTFxQQeuImoM8@mongo-0.internal:27017/audit?authSource=admin";
}
