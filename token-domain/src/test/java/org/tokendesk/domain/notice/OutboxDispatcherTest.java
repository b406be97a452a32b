package org.tokendesk.domain.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.integration.IntegrationDraft;
import org.tokendesk.domain.integration.WebhookSecrets;
import org.tokendesk.domain.testing.FakeNotifierGateway;
import org.tokendesk.domain.testing.Fixture;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.notifier.spi.DeliveryOutcome;

/** What the dispatcher records for each outcome a notifier reports. */
class OutboxDispatcherTest {

    private final NoticeWorld w = new NoticeWorld();
    private final OutboxDispatcher dispatcher = w.dispatcher("node-a");

    private Instant now() {
        return w.world.clock().instant();
    }

    private Delivery resetAndGetEmailRow() {
        w.emailIntegration("Billing sync");
        w.reset(TokenScope.READ_WRITE);
        return w.only("email");
    }

    @Test
    void a_notice_delivered_on_the_first_try_is_recorded_as_delivered() {
        Delivery queued = resetAndGetEmailRow();
        Instant t0 = now();

        assertEquals(1, dispatcher.dispatchOnce());

        Delivery d = w.reload(queued);
        assertEquals(DeliveryStatus.DELIVERED, d.status());
        assertEquals(t0, d.deliveredAt());
        assertEquals(1, d.attempts());
        assertNull(d.lastError());
        assertEquals(List.of(new DeliveryAttempt(d.id(), 1, t0, 0, "delivered", "HTTP 204")), w.attempts(d));
        assertEquals(0, dispatcher.dispatchOnce());
        assertEquals(1, w.gateway.calls().size());
    }

    @Test
    void a_receiver_that_fails_twice_and_then_accepts_gets_three_attempts_with_the_same_delivery_id() {
        Delivery queued = resetAndGetEmailRow();
        w.gateway.answer("email", DeliveryOutcome.retryLater("HTTP 503"), DeliveryOutcome.retryLater("connection refused"));
        Instant t0 = now();

        assertEquals(1, dispatcher.dispatchOnce());
        Delivery afterFirst = w.reload(queued);
        assertEquals(DeliveryStatus.PENDING, afterFirst.status());
        assertEquals(1, afterFirst.attempts());
        assertEquals(1, afterFirst.retryStep());
        assertEquals(t0.plusSeconds(5), afterFirst.nextAttemptAt());
        assertEquals("HTTP 503", afterFirst.lastError());

        assertEquals(0, dispatcher.dispatchOnce());
        w.world.clock().advance(Duration.ofSeconds(4));
        assertEquals(0, dispatcher.dispatchOnce());
        w.world.clock().advance(Duration.ofSeconds(1));
        assertEquals(1, dispatcher.dispatchOnce());
        Delivery afterSecond = w.reload(queued);
        assertEquals(2, afterSecond.retryStep());
        assertEquals(t0.plusSeconds(5).plus(Duration.ofMinutes(5)), afterSecond.nextAttemptAt());
        assertEquals("connection refused", afterSecond.lastError());

        w.advanceTo(afterSecond.nextAttemptAt().minusMillis(1));
        assertEquals(0, dispatcher.dispatchOnce());
        w.advanceTo(afterSecond.nextAttemptAt());
        assertEquals(1, dispatcher.dispatchOnce());

        Delivery done = w.reload(queued);
        assertEquals(DeliveryStatus.DELIVERED, done.status());
        assertEquals(3, done.attempts());
        assertEquals(afterSecond.nextAttemptAt(), done.deliveredAt());
        assertNull(done.lastError());
        assertEquals(List.of(queued.id(), queued.id(), queued.id()),
                w.gateway.calls().stream().map(c -> c.notice().deliveryId()).toList());
        assertEquals(List.of(1, 2, 3), w.attempts(done).stream().map(DeliveryAttempt::number).toList());
        assertEquals(List.of("retry", "retry", "delivered"), w.attempts(done).stream().map(DeliveryAttempt::result).toList());
        assertEquals(List.of("HTTP 503", "connection refused", "HTTP 204"),
                w.attempts(done).stream().map(DeliveryAttempt::detail).toList());
    }

    @Test
    void a_retry_after_hint_longer_than_the_schedule_is_respected() {
        Delivery queued = resetAndGetEmailRow();
        w.gateway.answer("email", DeliveryOutcome.retryAfter("HTTP 429", Duration.ofMinutes(10)));
        Instant t0 = now();

        dispatcher.dispatchOnce();

        assertEquals(t0.plus(Duration.ofMinutes(10)), w.reload(queued).nextAttemptAt());
        w.advanceTo(t0.plus(Duration.ofMinutes(10)).minusMillis(1));
        assertEquals(0, dispatcher.dispatchOnce());
    }

    @Test
    void after_the_last_retry_the_delivery_fails_and_stays_listed() {
        Delivery queued = resetAndGetEmailRow();
        w.gateway.answer("email", DeliveryOutcome.retryLater("HTTP 500"), DeliveryOutcome.retryLater("HTTP 500"),
                DeliveryOutcome.retryLater("HTTP 500"), DeliveryOutcome.retryLater("HTTP 502"));

        for (int attempt = 1; attempt <= NoticeWorld.DELAYS.size() + 1; attempt++) {
            w.advanceTo(w.reload(queued).nextAttemptAt());
            assertEquals(1, dispatcher.dispatchOnce(), "attempt " + attempt);
        }

        Delivery failed = w.reload(queued);
        assertEquals(DeliveryStatus.FAILED, failed.status());
        assertEquals(4, failed.attempts());
        assertEquals("HTTP 502 (no retries left)", failed.lastError());
        assertNull(failed.deliveredAt());
        assertEquals("retry", w.attempts(failed).get(3).result());
        w.world.clock().advance(Duration.ofDays(2));
        assertEquals(0, dispatcher.dispatchOnce());
        assertEquals(List.of(failed), new NoticeService(w.world.tx(), w.world.clock()).list(w.admin, w.sid, 10));
    }

    @Test
    void a_permanent_failure_fails_at_once() {
        Delivery queued = resetAndGetEmailRow();
        w.gateway.answer("email", DeliveryOutcome.failed("550 mailbox unavailable"));

        dispatcher.dispatchOnce();

        Delivery failed = w.reload(queued);
        assertEquals(DeliveryStatus.FAILED, failed.status());
        assertEquals(1, failed.attempts());
        assertEquals("550 mailbox unavailable", failed.lastError());
        assertEquals("failed", w.attempts(failed).get(0).result());
        w.world.clock().advance(Duration.ofDays(1));
        assertEquals(0, dispatcher.dispatchOnce());
    }

    @Test
    void gone_on_the_webhook_fails_the_delivery_and_turns_the_webhook_off_until_the_integration_is_edited() {
        Integration integration = w.webhookIntegration();
        w.reset(TokenScope.READ_WRITE);
        w.gateway.answer("webhook", DeliveryOutcome.gone("HTTP 410"));

        assertEquals(2, dispatcher.dispatchOnce());

        Delivery webhook = w.only("webhook");
        assertEquals(DeliveryStatus.FAILED, webhook.status());
        assertEquals("HTTP 410 (webhook turned off)", webhook.lastError());
        assertEquals("gone", w.attempts(webhook).get(0).result());
        assertEquals(DeliveryStatus.DELIVERED, w.only("email").status());
        Integration off = w.integrations.get(w.admin, w.sid, integration.id());
        assertEquals("HTTP 410", off.webhookDisabledReason());
        assertEquals(1, w.reset(TokenScope.READ_WRITE).noticesQueued());

        w.integrations.update(w.admin, w.sid, integration.id(),
                new IntegrationDraft(null, null, null, null, NoticeWorld.HOOK + "/v2", null, null), Fixture.ORIGIN);
        assertEquals(2, w.reset(TokenScope.READ_WRITE).noticesQueued());
    }

    @Test
    void gone_on_email_does_not_turn_the_webhook_off() {
        Integration integration = w.webhookIntegration();
        w.reset(TokenScope.READ_WRITE);
        w.gateway.answer("email", DeliveryOutcome.gone("550 no such user"));

        dispatcher.dispatchOnce();

        assertEquals(DeliveryStatus.FAILED, w.only("email").status());
        assertNull(w.integrations.get(w.admin, w.sid, integration.id()).webhookDisabledReason());
    }

    @Test
    void a_delivery_for_a_deleted_integration_fails_without_a_call() {
        Integration integration = w.emailIntegration("Billing sync");
        w.reset(TokenScope.READ_WRITE);
        w.integrations.delete(w.admin, w.sid, integration.id(), Fixture.ORIGIN);

        assertEquals(1, dispatcher.dispatchOnce());

        Delivery failed = w.only("email");
        assertEquals(DeliveryStatus.FAILED, failed.status());
        assertEquals("the integration was deleted", failed.lastError());
        assertEquals(List.of(), w.gateway.calls());
    }

    @Test
    void a_channel_not_available_on_this_node_is_retried_later() {
        w.webhookIntegration();
        w.reset(TokenScope.READ_WRITE);
        w.gateway.channels("email");
        Instant t0 = now();

        assertEquals(2, dispatcher.dispatchOnce());

        Delivery waiting = w.only("webhook");
        assertEquals(DeliveryStatus.PENDING, waiting.status());
        assertEquals(1, waiting.retryStep());
        assertEquals(t0.plusSeconds(5), waiting.nextAttemptAt());
        assertTrue(waiting.lastError().contains("not available on this node"), waiting.lastError());
        assertEquals(List.of("email"), w.gateway.calls().stream().map(FakeNotifierGateway.Call::channel).toList());

        w.gateway.channels("email", "webhook");
        w.advanceTo(waiting.nextAttemptAt());
        assertEquals(1, dispatcher.dispatchOnce());
        assertEquals(DeliveryStatus.DELIVERED, w.only("webhook").status());
    }

    @Test
    void a_long_error_is_truncated_in_the_log() {
        Delivery queued = resetAndGetEmailRow();
        w.gateway.answer("email", DeliveryOutcome.failed("x".repeat(2_000)));

        dispatcher.dispatchOnce();

        Delivery failed = w.reload(queued);
        assertEquals("x".repeat(500) + "…", failed.lastError());
        assertEquals("x".repeat(500) + "…", w.attempts(failed).get(0).detail());
    }

    @Test
    void a_delivery_clears_the_error_of_an_earlier_attempt_while_the_log_keeps_it() {
        Delivery queued = resetAndGetEmailRow();
        w.gateway.answer("email", DeliveryOutcome.retryLater("HTTP 503"));
        dispatcher.dispatchOnce();
        w.advanceTo(w.reload(queued).nextAttemptAt());
        dispatcher.dispatchOnce();
        assertNull(w.reload(queued).lastError());
        assertEquals("HTTP 503", w.attempts(queued).get(0).detail());
    }

    @Test
    void a_row_that_cannot_be_prepared_does_not_hold_up_the_rest_of_the_batch() {
        Integration broken = w.emailIntegration("Broken");
        w.integration("Fine", null, null, TokenScope.READ_ONLY);
        w.reset(TokenScope.READ_WRITE);
        w.world.clock().advance(Duration.ofSeconds(1));
        w.reset(TokenScope.READ_ONLY);
        w.world.tx().write(s -> {
            s.integrations().updateSecrets(broken.id(), new WebhookSecrets(new byte[] {1, 2, 3}, null, null));
            return null;
        });

        dispatcher.dispatchOnce();

        Delivery fine = w.deliveries().stream().filter(d -> d.integrationName().equals("Fine")).findFirst().orElseThrow();
        Delivery stuck = w.deliveries().stream().filter(d -> d.integrationName().equals("Broken")).findFirst()
                .orElseThrow();
        assertEquals(DeliveryStatus.DELIVERED, fine.status());
        assertEquals(1, stuck.attempts());
    }

    @Test
    void gone_on_a_plugin_channel_fails_the_delivery_without_claiming_to_turn_anything_off() {
        w.nodeChannels("email", "webhook", "slack");
        w.gateway.channels("email", "webhook", "slack");
        w.integration("Chat", null, List.of("email", "slack"), TokenScope.READ_WRITE);
        w.reset(TokenScope.READ_WRITE);
        w.gateway.answer("slack", DeliveryOutcome.gone("channel_not_found"));

        dispatcher.dispatchOnce();

        assertEquals(DeliveryStatus.FAILED, w.only("slack").status());
        assertEquals("channel_not_found (gone)", w.only("slack").lastError());
    }
}
