package org.tokendesk.notifier.webhook.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.Recipient;

/** Notices and recipients for tests. None of their fields holds a token. */
final class Fixtures {

    /** The secret from the Standard Webhooks specification's test vector. */
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String OTHER_SECRET = "whsec_" + Base64.getEncoder()
            .encodeToString("a second, newer signing key!".getBytes(StandardCharsets.US_ASCII));

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

    static Recipient recipient(URI webhookUrl, String... secrets) {
        return new Recipient("Dana Owner", "dana@example.org", Locale.ENGLISH, Optional.of(webhookUrl), List.of(secrets));
    }

    static WebhookNotifier notifier(boolean allowPrivateNetworks) {
        return new WebhookNotifier(WebhookSettings.defaults(allowPrivateNetworks, "0.1.0-test"));
    }
}
