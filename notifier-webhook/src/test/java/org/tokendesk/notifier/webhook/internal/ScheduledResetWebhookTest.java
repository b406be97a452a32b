package org.tokendesk.notifier.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.notifier.webhook.internal.Fixtures.SECRET;
import static org.tokendesk.notifier.webhook.internal.Fixtures.notice;
import static org.tokendesk.notifier.webhook.internal.Fixtures.notifier;
import static org.tokendesk.notifier.webhook.internal.Fixtures.recipient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokendesk.notifier.spi.DeliveryOutcome;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.webhook.internal.Receiver.Request;

/**
 * Webhooks announcing a scheduled reset and calling it off, delivered to a real receiver on
 * 127.0.0.1: signed like every webhook, and with {@code data.resetAt} the planned time.
 */
class ScheduledResetWebhookTest {

    private static final List<String> FIELDS = List.of("accountSid", "scope", "resetAt", "resetBy",
            "previousTokenHint", "apiVersion", "integrationId", "integrationName");

    private final ObjectMapper json = new ObjectMapper();
    private final WebhookNotifier notifier = notifier(true);
    private Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = Receiver.http();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static Notice.Builder scheduled() {
        return notice().deliveryId("msg_3Rg9aQs4lU8xX2yZ0bCdE").type(Notice.TOKEN_RESET_SCHEDULED)
                .resetAt(Instant.parse("2026-03-05T22:00:00Z"));
    }

    private static Notice.Builder cancelled() {
        return notice().deliveryId("msg_4Sh0bRt5mV9yY3zA1cDeF").type(Notice.TOKEN_SCHEDULED_RESET_CANCELLED)
                .occurredAt(Instant.parse("2026-03-02T09:00:00Z")).resetAt(Instant.parse("2026-03-05T22:00:00Z"))
                .resetBy("lead@example.org");
    }

    /** Delivers one notice, checks the signature two ways, and returns the body the receiver got. */
    private JsonNode deliverSigned(Notice notice) throws Exception {
        DeliveryOutcome outcome = notifier.deliver(notice, recipient(receiver.url("/hook"), SECRET));

        assertEquals(new DeliveryOutcome.Delivered("HTTP 204"), outcome);
        Request request = receiver.requests().get(0);
        assertEquals(notice.deliveryId(), request.header("webhook-id"));
        new Webhook(SECRET).verify(request.body(), request.headers());
        assertTrue(IndependentVerifier.verifies(SECRET, request.header("webhook-id"),
                request.header("webhook-timestamp"), request.body(), request.header("webhook-signature")));
        assertFalse(request.body().contains("whsec_"), request.body());
        return json.readTree(request.body());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void a_scheduled_reset_arrives_signed_with_its_type_and_the_planned_time() throws Exception {
        JsonNode body = deliverSigned(scheduled().build());

        assertEquals(List.of("type", "timestamp", "data"), names(body));
        assertEquals("token.reset_scheduled", body.get("type").asText());
        assertEquals("2026-03-01T10:15:30Z", body.get("timestamp").asText());
        JsonNode data = body.get("data");
        assertEquals(FIELDS, names(data), "no acknowledgeUrl and no oldTokenValidUntil without values");
        assertEquals("AC0123456789abcdef0123456789abcdef", data.get("accountSid").asText());
        assertEquals("read_write", data.get("scope").asText());
        assertEquals("2026-03-05T22:00:00Z", data.get("resetAt").asText());
        assertEquals("ops@example.org", data.get("resetBy").asText());
        assertEquals("…a1b2", data.get("previousTokenHint").asText());
        assertEquals("int_42", data.get("integrationId").asText());
        assertEquals("Billing sync", data.get("integrationName").asText());
    }

    @Test
    void a_scheduled_reset_with_a_grace_period_says_until_when_the_current_token_will_work() throws Exception {
        JsonNode data = deliverSigned(scheduled().oldTokenValidUntil(Instant.parse("2026-03-06T22:00:00Z")).build())
                .get("data");

        List<String> expected = new ArrayList<>(FIELDS);
        expected.add("oldTokenValidUntil");
        assertEquals(expected, names(data));
        assertEquals("2026-03-06T22:00:00Z", data.get("oldTokenValidUntil").asText());
        assertEquals("2026-03-05T22:00:00Z", data.get("resetAt").asText());
    }

    @Test
    void a_cancellation_arrives_signed_with_its_type_who_cancelled_and_the_time_it_was_planned_for() throws Exception {
        JsonNode body = deliverSigned(cancelled().build());

        assertEquals("token.scheduled_reset_cancelled", body.get("type").asText());
        assertEquals("2026-03-02T09:00:00Z", body.get("timestamp").asText());
        JsonNode data = body.get("data");
        assertEquals(FIELDS, names(data));
        assertEquals("2026-03-05T22:00:00Z", data.get("resetAt").asText());
        assertEquals("lead@example.org", data.get("resetBy").asText());
        assertEquals("…a1b2", data.get("previousTokenHint").asText());
        assertEquals("read_write", data.get("scope").asText());
    }
}
