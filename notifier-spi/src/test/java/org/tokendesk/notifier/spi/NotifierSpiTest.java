package org.tokendesk.notifier.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotifierSpiTest {

    @Test
    void plugins_built_for_this_or_older_supported_versions_are_compatible() {
        assertTrue(NotifierSpi.isCompatible(NotifierSpi.VERSION));
        assertTrue(NotifierSpi.isCompatible(NotifierSpi.OLDEST_SUPPORTED_VERSION));
    }

    @Test
    void plugins_built_for_a_newer_or_unknown_version_are_refused() {
        assertFalse(NotifierSpi.isCompatible(NotifierSpi.VERSION + 1));
        assertFalse(NotifierSpi.isCompatible(0));
    }

    @Test
    void recipient_to_string_never_shows_webhook_secrets() {
        var recipient = new Recipient("Ada", "ada@example.com", Locale.GERMAN,
                Optional.of(URI.create("https://hooks.example.com/x")), List.of("whsec_c2VjcmV0c2VjcmV0c2VjcmV0"));
        assertFalse(recipient.toString().contains("whsec_"));
        assertTrue(recipient.toString().contains("1 masked"));
    }

    @Test
    void retry_hints_must_not_be_negative() {
        assertThrows(IllegalArgumentException.class, () -> DeliveryOutcome.retryAfter("x", Duration.ofSeconds(-1)));
        assertEquals(Optional.of(Duration.ofSeconds(3)),
                ((DeliveryOutcome.RetryLater) DeliveryOutcome.retryAfter("429", Duration.ofSeconds(3))).after());
    }

    @Test
    void notice_builder_requires_every_field_without_a_default() {
        assertThrows(NullPointerException.class, () -> Notice.builder().build());
        var notice = Notice.builder().deliveryId("msg_1").occurredAt(Instant.EPOCH)
                .accountSid("AC00000000000000000000000000000000").scope("read_write").resetAt(Instant.EPOCH)
                .resetBy("ops@example.com").previousTokenHint("…a1b2").apiVersion("v12").integrationId("int_1")
                .integrationName("billing").credentialsUrl(URI.create("http://localhost:8080/x")).build();
        assertEquals(Notice.TOKEN_RESET, notice.type());
        assertTrue(notice.oldTokenValidUntil().isEmpty());
        assertTrue(notice.staleUse().isEmpty());
    }

    @Test
    void a_stale_use_summary_is_carried_by_the_notice_and_checked_for_sense() {
        StaleUse use = new StaleUse(5, 2, Instant.EPOCH, Instant.EPOCH.plusSeconds(60));
        var notice = Notice.builder().deliveryId("msg_1").type(Notice.TOKEN_STALE_USE).occurredAt(Instant.EPOCH)
                .accountSid("AC00000000000000000000000000000000").scope("read_write").resetAt(Instant.EPOCH)
                .resetBy("ops@example.com").previousTokenHint("…a1b2").apiVersion("v12").integrationId("int_1")
                .integrationName("billing").credentialsUrl(URI.create("http://localhost:8080/x")).staleUse(use).build();
        assertEquals(Optional.of(use), notice.staleUse());
        assertThrows(IllegalArgumentException.class, () -> new StaleUse(1, 2, Instant.EPOCH, Instant.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> new StaleUse(0, 0, Instant.EPOCH, Instant.EPOCH));
        assertThrows(NullPointerException.class, () -> new StaleUse(1, 1, null, Instant.EPOCH));
    }
}
