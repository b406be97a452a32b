package org.tokendesk.notifier.email.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.tokendesk.notifier.spi.NotifierConfigurationException;

/**
 * The SMTP settings, checked once at start so that mistakes show as one clear message instead of
 * failed deliveries. {@link #toString()} masks the password.
 *
 * @param host the SMTP server
 * @param port its port
 * @param tls how the connection is protected
 * @param username the login, if the server wants one
 * @param password the password that goes with the username
 * @param from the sender address
 */
public record EmailSettings(String host, int port, Tls tls, Optional<String> username, Optional<String> password,
        InternetAddress from) {

    /** Setting keys of the {@code email} namespace ({@code TOKENDESK_SMTP_HOST} and so on). */
    public static final String HOST = "host";
    static final String PORT = "port";
    static final String TLS = "tls";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String FROM = "from";

    /**
     * @param setting the provider's settings by key
     * @return the checked settings
     * @throws NotifierConfigurationException naming the setting that is missing or wrong
     */
    public static EmailSettings from(Function<String, Optional<String>> setting) {
        Function<String, Optional<String>> value = key -> setting.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        String host = value.apply(HOST).orElseThrow(() -> problem("TOKENDESK_SMTP_HOST is not set"));
        Tls tls = value.apply(TLS).map(EmailSettings::tls).orElse(Tls.STARTTLS);
        int port = value.apply(PORT).map(EmailSettings::port).orElse(tls.defaultPort());
        Optional<String> username = value.apply(USERNAME);
        // Passwords may legitimately start or end with spaces, so only emptiness is checked.
        Optional<String> password = setting.apply(PASSWORD).filter(p -> !p.isEmpty());
        if (password.isPresent() && username.isEmpty()) {
            throw problem("TOKENDESK_SMTP_PASSWORD is set but TOKENDESK_SMTP_USERNAME is not; set both or neither");
        }
        if (username.isPresent() && password.isEmpty()) {
            throw problem("TOKENDESK_SMTP_USERNAME is set but TOKENDESK_SMTP_PASSWORD is not; set both or neither");
        }
        String from = value.apply(FROM).orElseThrow(() -> problem(
                "TOKENDESK_SMTP_FROM is required when TOKENDESK_SMTP_HOST is set, for example tokendesk@example.org"));
        return new EmailSettings(host, port, tls, username, password, address(from));
    }

    private static Tls tls(String text) {
        try {
            return Tls.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw problem("TOKENDESK_SMTP_TLS must be none, starttls or smtps, not '" + text + "'");
        }
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw problem("TOKENDESK_SMTP_PORT must be a port number from 1 to 65535, not '" + text + "'");
    }

    private static InternetAddress address(String text) {
        try {
            return new InternetAddress(text, true);
        } catch (AddressException e) {
            throw problem("TOKENDESK_SMTP_FROM is not a valid email address: '" + text + "'");
        }
    }

    private static NotifierConfigurationException problem(String message) {
        return new NotifierConfigurationException(message);
    }

    @Override
    public String toString() {
        return "EmailSettings[host=" + host + ", port=" + port + ", tls=" + tls.name().toLowerCase(Locale.ROOT)
                + ", username=" + username.orElse("none") + ", password=" + (password.isPresent() ? "****" : "none")
                + ", from=" + from + "]";
    }
}
