package org.tokendesk.notifier.email.internal;

import java.time.Duration;
import java.util.Properties;

/** The Jakarta Mail session properties for the settings. */
final class SmtpSessions {

    /** Connect, read and write limits; each below the host's limit around a delivery. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private SmtpSessions() {
    }

    static Properties properties(EmailSettings settings, String ehloName) {
        String protocol = settings.tls().protocol();
        String p = "mail." + protocol + ".";
        String millis = Long.toString(TIMEOUT.toMillis());
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", protocol);
        props.setProperty(p + "host", settings.host());
        props.setProperty(p + "port", Integer.toString(settings.port()));
        // Without these, Jakarta Mail waits forever on a server that stops answering.
        props.setProperty(p + "connectiontimeout", millis);
        props.setProperty(p + "timeout", millis);
        props.setProperty(p + "writetimeout", millis);
        props.setProperty(p + "localhost", ehloName);
        props.setProperty(p + "auth", Boolean.toString(settings.username().isPresent()));
        // The reply to QUIT does not change the outcome, so don't wait for it.
        props.setProperty(p + "quitwait", "false");
        switch (settings.tls()) {
            case NONE -> props.setProperty(p + "starttls.enable", "false");
            case STARTTLS -> {
                props.setProperty(p + "starttls.enable", "true");
                // Otherwise a server (or an attacker in between) that hides STARTTLS gets plain text.
                props.setProperty(p + "starttls.required", "true");
                props.setProperty(p + "ssl.checkserveridentity", "true");
            }
            case SMTPS -> {
                props.setProperty(p + "ssl.enable", "true");
                props.setProperty(p + "ssl.checkserveridentity", "true");
            }
        }
        return props;
    }
}
