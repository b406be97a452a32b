package org.tokendesk.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.web.testing.ContractAssertions.assertNoSecret;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;
import static org.tokendesk.web.testing.ContractAssertions.assertTimestamp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/** {@code GET /api/v1/accounts/{accountSid}/audit}: API.md section 4, for the actions of sections 2 and 3. */
class AuditLogTest {

    static TestNode node;
    static ApiClient admin;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite();
        admin = node.admin();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** An account with one of each audited action of the card, plus the tokens it ever had. */
    private static History history() {
        String sid = admin.createAccount("Audited");
        String base = "/api/v1/accounts/" + sid;
        List<String> secrets = new ArrayList<>();
        Map<String, String> from = Map.of("X-Real-IP", "192.0.2.77");
        assertEquals(201, admin.send("POST", base + "/legacy-token", null, from).status());
        JsonNode revealed = admin.send("GET", base + "/legacy-token/credentials", null, from).json();
        secrets.add(revealed.get("readWrite").get("authToken").asText());
        secrets.add(revealed.get("readOnly").get("authToken").asText());
        assertEquals(200, admin.send("PATCH", base + "/legacy-token", Map.of("apiVersion", "v11"), from).status());
        ApiClient.Response reset = admin.send("POST", base + "/legacy-token/read-write/reset", null, from);
        assertEquals(200, reset.status());
        secrets.add(reset.text("authToken"));
        ApiClient member = node.newOperator("audited-member");
        assertEquals(200, admin.send("PUT", base + "/members/" + member.email(), Map.of("role", "viewer"), from)
                .status());
        return new History(sid, secrets, member.email());
    }

    private record History(String sid, List<String> secrets, String memberEmail) {
    }

    private static ApiClient.Response audit(String sid, String query) {
        return admin.get("/api/v1/accounts/" + sid + "/audit" + query);
    }

    private static List<String> actions(JsonNode events) {
        List<String> actions = new ArrayList<>();
        events.forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }

    @Test
    void the_audit_log_lists_the_cards_actions_newest_first() {
        History h = history();
        ApiClient.Response r = audit(h.sid(), "");
        assertEquals(200, r.status(), r.body());
        List<String> actions = actions(r.json().get("events"));
        List<String> expected = List.of("member.changed", "legacy_token.reset", "legacy_token.api_version_changed",
                "legacy_token.revealed", "legacy_token.enabled");
        assertEquals(expected, actions.subList(0, expected.size()), actions.toString());
        assertTrue(r.json().has("next"), r.body());
        assertTrue(r.json().get("next").isNull(), r.body());
    }

    @Test
    void every_event_has_the_documented_fields() {
        History h = history();
        JsonNode events = audit(h.sid(), "").json().get("events");
        long previousId = Long.MAX_VALUE;
        Instant previousAt = Instant.MAX;
        for (JsonNode e : events) {
            for (String field : new String[] {"id", "at", "actor", "action", "accountSid", "ip", "details"}) {
                assertTrue(e.has(field), field + " missing in " + e);
            }
            long id = e.get("id").asLong();
            assertTrue(id < previousId, "newest first by id: " + events);
            previousId = id;
            Instant at = assertTimestamp(e.get("at"));
            assertFalse(at.isAfter(previousAt), "newest first by time: " + events);
            previousAt = at;
            assertEquals(TestNode.ADMIN_EMAIL, e.get("actor").asText());
            assertEquals(h.sid(), e.get("accountSid").asText());
            assertTrue(e.get("details").isObject(), e.toString());
            assertTrue(e.get("action").asText().matches("[a-z_]+\\.[a-z_]+"), e.toString());
        }
    }

    @Test
    void events_record_the_client_address_and_what_changed() {
        History h = history();
        JsonNode events = audit(h.sid(), "").json().get("events");
        for (JsonNode e : events) {
            if (!"account.created".equals(e.get("action").asText())) {
                assertEquals("192.0.2.77", e.get("ip").asText(), e.toString());
            }
        }
        JsonNode member = events.get(0);
        assertEquals("member.changed", member.get("action").asText());
        assertTrue(member.get("details").toString().contains(h.memberEmail()), member.toString());
        JsonNode reset = events.get(1);
        assertEquals("read_write", reset.get("details").get("scope").asText(), reset.toString());
        JsonNode version = events.get(2);
        assertTrue(version.get("details").toString().contains("v11"), version.toString());
    }

    @Test
    void no_event_contains_a_token() {
        History h = history();
        ApiClient.Response r = audit(h.sid(), "?limit=200");
        assertNoSecret(r, h.secrets().toArray(new String[0]));
        for (String secret : h.secrets()) {
            assertFalse(r.body().contains(secret.substring(5, 25)), "a part of a token in the audit log");
        }
    }

    @Test
    void the_log_is_paged_with_limit_and_the_next_cursor() {
        History h = history();
        List<String> all = actions(audit(h.sid(), "?limit=200").json().get("events"));
        assertTrue(all.size() >= 5, all.toString());

        List<String> paged = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        String query = "?limit=2";
        for (int pages = 0; pages < 20; pages++) {
            ApiClient.Response r = audit(h.sid(), query);
            assertEquals(200, r.status(), r.body());
            JsonNode page = r.json();
            assertTrue(page.get("events").size() <= 2, r.body());
            page.get("events").forEach(e -> ids.add(e.get("id").asLong()));
            paged.addAll(actions(page.get("events")));
            JsonNode next = page.get("next");
            if (next == null || next.isNull()) {
                break;
            }
            assertEquals(2, page.get("events").size(), "only the last page may be short");
            query = "?limit=2&before=" + next.asText();
        }
        assertEquals(all, paged);
        assertEquals(ids.size(), ids.stream().distinct().count(), "no event on two pages");
    }

    @Test
    void a_full_first_page_points_to_the_rest() {
        History h = history();
        JsonNode first = audit(h.sid(), "?limit=1").json();
        assertEquals(1, first.get("events").size());
        assertNotNull(first.get("next"));
        assertFalse(first.get("next").isNull(), first.toString());
        JsonNode second = audit(h.sid(), "?limit=1&before=" + first.get("next").asText()).json();
        assertEquals(1, second.get("events").size());
        assertTrue(second.get("events").get(0).get("id").asLong() < first.get("events").get(0).get("id").asLong());
    }

    @Test
    void a_bad_limit_or_cursor_is_400() {
        History h = history();
        for (String query : new String[] {"?limit=0", "?limit=-1", "?limit=abc", "?limit=100000", "?before=xyz"}) {
            assertProblem(audit(h.sid(), query), 400);
        }
    }

    @Test
    void the_log_of_one_account_shows_nothing_of_another() {
        History h = history();
        String quiet = admin.createAccount("Quiet");
        JsonNode events = audit(quiet, "").json().get("events");
        for (JsonNode e : events) {
            assertEquals(quiet, e.get("accountSid").asText());
        }
        assertFalse(audit(quiet, "").body().contains(h.sid()));
    }
}
