package org.tokendesk.notifier.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.notifier.webhook.internal.Fixtures.OTHER_SECRET;
import static org.tokendesk.notifier.webhook.internal.Fixtures.SECRET;
import static org.tokendesk.notifier.webhook.internal.Fixtures.notice;
import static org.tokendesk.notifier.webhook.internal.Fixtures.notifier;
import static org.tokendesk.notifier.webhook.internal.Fixtures.recipient;

import com.standardwebhooks.Webhook;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokendesk.notifier.spi.DeliveryOutcome;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.webhook.internal.Receiver.Reply;
import org.tokendesk.notifier.webhook.internal.Receiver.Request;

/** Deliveries to a real receiver on 127.0.0.1; private networks are allowed to reach it. */
class WebhookDeliveryTest {

    private Receiver receiver;
    private final WebhookNotifier notifier = notifier(true);

    @BeforeEach
    void start() throws Exception {
        receiver = Receiver.http();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void a_delivery_carries_the_standard_webhooks_headers() {
        Notice notice = notice().build();
        long before = Instant.now().getEpochSecond();

        DeliveryOutcome outcome = notifier.deliver(notice, recipient(receiver.url("/hooks/tokendesk?tenant=7"), SECRET));

        assertEquals(new DeliveryOutcome.Delivered("HTTP 204"), outcome);
        Request request = receiver.requests().get(0);
        assertEquals("/hooks/tokendesk", request.path());
        assertEquals("application/json", request.header("content-type"));
        assertEquals("tokendesk/0.1.0-test", request.header("user-agent"));
        assertEquals(notice.deliveryId(), request.header("webhook-id"));
        long timestamp = Long.parseLong(request.header("webhook-timestamp"));
        assertTrue(timestamp >= before && timestamp <= Instant.now().getEpochSecond(), "timestamp " + timestamp);
        assertTrue(request.header("webhook-signature").matches("v1,[A-Za-z0-9+/]{43}="), request.header("webhook-signature"));
    }

    @Test
    void signature_verifies_with_the_reference_library_and_an_independent_verifier() throws Exception {
        notifier.deliver(notice().integrationName("Zoë's \"billing\" <sync>").build(),
                recipient(receiver.url("/hook"), SECRET));

        Request request = receiver.requests().get(0);
        new Webhook(SECRET).verify(request.body(), request.headers());
        assertTrue(IndependentVerifier.verifies(SECRET, request.header("webhook-id"),
                request.header("webhook-timestamp"), request.body(), request.header("webhook-signature")));
    }

    @Test
    void two_secrets_send_two_signatures_that_each_verify() throws Exception {
        notifier.deliver(notice().build(), recipient(receiver.url("/hook"), OTHER_SECRET, SECRET));

        Request request = receiver.requests().get(0);
        assertEquals(2, request.header("webhook-signature").split(" ").length);
        new Webhook(SECRET).verify(request.body(), request.headers());
        new Webhook(OTHER_SECRET).verify(request.body(), request.headers());
    }

    @Test
    void a_receiver_that_fails_twice_sees_the_same_webhook_id_on_every_attempt() {
        receiver.answer(Reply.of(503), Reply.of(503), Reply.of(204));
        Notice notice = notice().build();

        // The host retries by calling deliver again with the same notice.
        List<DeliveryOutcome> outcomes = List.of(
                notifier.deliver(notice, recipient(receiver.url("/hook"), SECRET)),
                notifier.deliver(notice, recipient(receiver.url("/hook"), SECRET)),
                notifier.deliver(notice, recipient(receiver.url("/hook"), SECRET)));

        assertInstanceOf(DeliveryOutcome.RetryLater.class, outcomes.get(0));
        assertInstanceOf(DeliveryOutcome.RetryLater.class, outcomes.get(1));
        assertEquals(new DeliveryOutcome.Delivered("HTTP 204"), outcomes.get(2));
        assertEquals(List.of(notice.deliveryId(), notice.deliveryId(), notice.deliveryId()),
                receiver.requests().stream().map(r -> r.header("webhook-id")).toList());
    }

    @Test
    void a_recipient_without_a_secret_fails_without_sending() {
        DeliveryOutcome outcome = notifier.deliver(notice().build(), recipient(receiver.url("/hook")));

        assertEquals(new DeliveryOutcome.Failed("the integration has no webhook signing secret"), outcome);
        assertEquals(List.of(), receiver.requests());
    }

    @Test
    void a_malformed_secret_fails_without_showing_it() {
        DeliveryOutcome outcome = notifier.deliver(notice().build(),
                recipient(receiver.url("/hook"), "whsec_%%%leaky-secret%%%"));

        assertInstanceOf(DeliveryOutcome.Failed.class, outcome);
        assertFalse(outcome.toString().contains("leaky-secret"), outcome.toString());
        assertEquals(List.of(), receiver.requests());
    }
}
