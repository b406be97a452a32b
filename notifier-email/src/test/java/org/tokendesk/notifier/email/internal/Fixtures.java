package org.tokendesk.notifier.email.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.NotifierContext;
import org.tokendesk.notifier.spi.Recipient;

/** Notices, recipients and settings for tests. No notice field holds a token. */
final class Fixtures {

    static final String PASSWORD = "Sm7p-pässword!";

    /** Looks like an Auth Token but is given to no notice: it must never show up in a mail. */
    static final String TOKEN_LOOKALIKE = "f3a9c1d27be84e6a9d0c5b7e21f4a6c8";

    private Fixtures() {
    }

    static Notice.Builder notice() {
        return Notice.builder()
                .deliveryId("msg_2Qf8ZpR3kT7vW1xY9aBcD")
                .type(Notice.TOKEN_RESET)
                .occurredAt(Instant.parse("2026-03-01T10:15:30Z"))
                .accountSid("AC0123456789abcdef0123456789abcdef")
                .scope("read_write")
                .resetAt(Instant.parse("2026-03-01T10:15:00Z"))
                .resetBy("ops@example.org")
                .previousTokenHint("…a1b2")
                .apiVersion("2010-04-01")
                .integrationId("int_42")
                .integrationName("Billing sync")
                .credentialsUrl(URI.create("https://tokendesk.example.org/accounts/AC01/credentials"));
    }

    /** The notice sent when an operator schedules a reset: {@code resetAt} is the planned time. */
    static Notice.Builder scheduledReset() {
        return notice()
                .deliveryId("msg_3Rg9aQs4lU8xX2yZ0bCdE")
                .type(Notice.TOKEN_RESET_SCHEDULED)
                .resetAt(Instant.parse("2026-03-05T22:00:00Z"));
    }

    /** The notice sent when an operator cancels a scheduled reset: {@code resetAt} is the time it was planned for. */
    static Notice.Builder cancelledReset() {
        return notice()
                .deliveryId("msg_4Sh0bRt5mV9yY3zA1cDeF")
                .type(Notice.TOKEN_SCHEDULED_RESET_CANCELLED)
                .occurredAt(Instant.parse("2026-03-02T09:00:00Z"))
                .resetAt(Instant.parse("2026-03-05T22:00:00Z"))
                .resetBy("lead@example.org");
    }

    static Recipient recipient(Locale locale) {
        return new Recipient("Dana Owner", "dana@example.org", locale, Optional.empty(), List.of());
    }

    static Map<String, String> settings(int port) {
        Map<String, String> settings = new HashMap<>();
        settings.put("host", "127.0.0.1");
        settings.put("port", Integer.toString(port));
        settings.put("tls", "none");
        settings.put("from", "tokendesk@example.org");
        return settings;
    }

    static EmailNotifier notifier(Map<String, String> settings) {
        return new EmailNotifier(EmailSettings.from(key -> Optional.ofNullable(settings.get(key))), "tokendesk.test");
    }

    static NotifierContext context(Map<String, String> settings) {
        return new NotifierContext() {
            @Override
            public Optional<String> setting(String key) {
                return Optional.ofNullable(settings.get(key));
            }

            @Override
            public URI publicUrl() {
                return URI.create("https://tokendesk.example.org");
            }

            @Override
            public String hostVersion() {
                return "0.1.0";
            }
        };
    }

    /** A port nothing listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
