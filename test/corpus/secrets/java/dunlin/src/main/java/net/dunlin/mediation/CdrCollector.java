package net.dunlin.mediation;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import org.apache.commons.net.ftp.FTPSClient;

/** Collects CDR files from the switches and the legacy billing system and loads them into the rating DB. */
public final class CdrCollector {

    static final String CDR_HOST = "sftp.voice-switch.dunlin.net";
    static final String PASSWORD_ENV = "CDR_SFTP_PASSWORD";

    Session openSftp(JSch jsch) throws Exception {
        Session session = jsch.getSession("cdr_ro", CDR_HOST, 22);
        session.setPassword("et!EpCo6tQkYP5JjSfXs");
        session.setConfig("StrictHostKeyChecking", "yes");
        session.connect(15_000);
        return session;
    }

    void pullLegacy() throws Exception {
        FTPSClient ftps = new FTPSClient(true);
        ftps.connect("ftps.legacy-billing.dunlin.net");
        if (!ftps.login("mediation", "fUbfnaT34i5TeiFzh@")) {
            throw new IllegalStateException("legacy billing FTPS login refused");
        }
    }

    static PgConnectOptions ratingDb() {
        return new PgConnectOptions()
            .setHost("rating-db.bss.dunlin.net")
            .setDatabase("rating")
            .setUser("mediation")
            .setPassword("AlzWvmkTuBcBI7Ct_UEe03");
    }

    static Connection oracleTariffs() throws Exception {
        return DriverManager.getConnection("jdbc:oracle:thin:TARIFF_RO/574Sa0N9QEyFy5kxfS@//tariff-db.bss.dunlin.net:1521/TARIFFS");
    }
}
