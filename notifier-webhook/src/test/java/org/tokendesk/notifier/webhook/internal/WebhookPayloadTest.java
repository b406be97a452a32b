package org.tokendesk.notifier.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.tokendesk.notifier.webhook.internal.Fixtures.SECRET;
import static org.tokendesk.notifier.webhook.internal.Fixtures.notice;
import static org.tokendesk.notifier.webhook.internal.Fixtures.notifier;
import static org.tokendesk.notifier.webhook.internal.Fixtures.recipient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.StaleUse;

class WebhookPayloadTest {

    private final ObjectMapper json = new ObjectMapper();

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void the_body_has_exactly_the_documented_fields() throws Exception {
        JsonNode body = json.readTree(WebhookPayload.json(notice().build()));

        assertEquals(List.of("type", "timestamp", "data"), names(body));
        assertEquals("token.reset", body.get("type").asText());
        assertEquals("2026-03-01T10:15:30Z", body.get("timestamp").asText());
        JsonNode data = body.get("data");
        assertEquals(List.of("accountSid", "scope", "resetAt", "resetBy", "previousTokenHint", "apiVersion",
                "integrationId", "integrationName"), names(data));
        assertEquals("AC0123456789abcdef0123456789abcdef", data.get("accountSid").asText());
        assertEquals("2026-03-01T10:15:00Z", data.get("resetAt").asText());
        assertEquals("…a1b2", data.get("previousTokenHint").asText());
        assertFalse(data.has("oldTokenValidUntil"), "without a grace period the field is absent, not null");
    }

    @Test
    void grace_period_and_acknowledge_link_appear_only_when_present() throws Exception {
        Notice notice = notice()
                .oldTokenValidUntil(Instant.parse("2026-03-02T10:15:00Z"))
                .acknowledgeUrl(URI.create("https://tokendesk.example.org/ack/abc"))
                .build();

        JsonNode data = json.readTree(WebhookPayload.json(notice)).get("data");

        assertEquals("2026-03-02T10:15:00Z", data.get("oldTokenValidUntil").asText());
        assertEquals("https://tokendesk.example.org/ack/abc", data.get("acknowledgeUrl").asText());
        assertEquals(10, names(data).size());
    }

    @Test
    void a_stale_use_notice_carries_the_sighting_summary_in_data_stale_use() throws Exception {
        Notice notice = notice().type(Notice.TOKEN_STALE_USE)
                .staleUse(new StaleUse(12, 3, Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T09:30:00Z")))
                .build();

        JsonNode body = json.readTree(WebhookPayload.json(notice));

        assertEquals("token.stale_use", body.get("type").asText());
        JsonNode staleUse = body.get("data").get("staleUse");
        assertEquals(List.of("count", "clients", "firstSeenAt", "lastSeenAt"), names(staleUse));
        assertEquals(12, staleUse.get("count").asInt());
        assertEquals(3, staleUse.get("clients").asInt());
        assertEquals("2026-03-02T08:00:00Z", staleUse.get("firstSeenAt").asText());
        assertEquals("2026-03-02T09:30:00Z", staleUse.get("lastSeenAt").asText());
        assertEquals(9, names(body.get("data")).size());
    }

    @Test
    void every_character_survives_escaping() throws Exception {
        String name = "q\" b\\ s/ nl\n cr\r tab\t nul\u0000 bell\u0007 del\u007f ls\u2028 ps\u2029 é 中 😀 <script>";

        JsonNode body = json.readTree(WebhookPayload.json(notice().integrationName(name).resetBy("a\"b").build()));

        assertEquals(name, body.get("data").get("integrationName").asText());
        assertEquals("a\"b", body.get("data").get("resetBy").asText());
    }

    @Test
    void a_lone_surrogate_is_escaped_instead_of_corrupting_the_body() throws Exception {
        String text = JsonObject.quote("x\ud800y");

        assertEquals("\"x\\ud800y\"", text);
        assertEquals("x\ud800y", json.readTree(text).asText());
    }

    @Test
    void the_body_sent_contains_no_secret_and_no_credentials_link() throws Exception {
        try (Receiver receiver = Receiver.http()) {
            notifier(true).deliver(notice().build(), recipient(receiver.url("/hook"), SECRET));

            String body = receiver.requests().get(0).body();
            assertFalse(body.contains(SECRET.substring("whsec_".length())), body);
            assertFalse(body.contains("whsec_"), body);
            assertFalse(body.contains("credentials"), body);
            // Only the hint of the old token, never a token-sized run of hex characters.
            assertFalse(body.matches("(?s).*[0-9a-f]{32}(?<!AC[0-9a-f]{32}).*"), body);
        }
    }
}
