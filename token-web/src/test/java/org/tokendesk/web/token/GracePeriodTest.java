package org.tokendesk.web.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.web.testing.ContractAssertions.assertFieldError;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;
import static org.tokendesk.web.testing.ContractAssertions.assertTimestamp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/** A reset whose old token keeps working for a while, and ending that early (API.md section 8). */
class GracePeriodTest {

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

    private static String path(String sid, String tail) {
        return "/api/v1/accounts/" + sid + "/legacy-token" + tail;
    }

    private static JsonNode verify(String sid, String token) {
        return node.client().post("/v1/verify", Map.of("accountSid", sid, "authToken", token, "method", "POST")).json();
    }

    @Test
    void during_the_grace_period_the_old_token_passes_with_its_own_scope_until_end_grace() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Grace"));
        String sid = t.accountSid();
        ApiClient.Response reset = admin.post(path(sid, "/read-write/reset"), Map.of("oldTokenValidFor", "PT1H"));
        assertEquals(200, reset.status(), reset.body());
        assertEquals(assertTimestamp(reset.json().get("resetAt")).plus(Duration.ofHours(1)),
                assertTimestamp(reset.json().get("oldTokenValidUntil")));

        ApiClient.Response check = node.client().check(sid, t.readWrite(), Map.of("X-Original-Method", "POST"));
        assertEquals(204, check.status(), check.body());
        assertEquals(sid, check.header("X-Account-Sid"));
        assertEquals("read_write", check.header("X-Token-Scope"));
        assertEquals("v13", check.header("X-Api-Version"));
        assertTrue(verify(sid, t.readWrite()).get("valid").asBoolean());
        assertEquals(204, node.client().check(sid, reset.text("authToken"), Map.of()).status());
        JsonNode card = admin.get(path(sid, "")).json();
        assertEquals(assertTimestamp(reset.json().get("oldTokenValidUntil")),
                assertTimestamp(card.get("readWrite").get("oldTokenValidUntil")));
        assertTrue(card.get("readOnly").get("oldTokenValidUntil").isNull());

        ApiClient.Response ended = admin.post(path(sid, "/read-write/end-grace"), null);
        assertEquals(200, ended.status(), ended.body());
        assertTrue(ended.json().get("readWrite").get("oldTokenValidUntil").isNull());
        assertProblem(node.client().check(sid, t.readWrite(), Map.of()), 401);
        assertEquals("token_reset", verify(sid, t.readWrite()).get("code").asText());
        assertEquals(200, admin.post(path(sid, "/read-write/end-grace"), Map.of()).status(), "idempotent");
        long endedEvents = 0;
        for (JsonNode e : admin.get("/api/v1/accounts/" + sid + "/audit").json().get("events")) {
            endedEvents += "legacy_token.grace_ended".equals(e.get("action").asText()) ? 1 : 0;
        }
        assertEquals(1, endedEvents);
    }

    @Test
    void an_empty_reset_body_keeps_its_old_meaning_and_shape() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("No grace"));
        ApiClient.Response reset = admin.post(path(t.accountSid(), "/read-only/reset"), null);
        assertEquals(200, reset.status(), reset.body());
        assertFalse(reset.json().has("oldTokenValidUntil"));
        assertProblem(node.client().check(t.accountSid(), t.readOnly(), Map.of()), 401);
        ApiClient.Response zero = admin.post(path(t.accountSid(), "/read-only/reset"), Map.of("oldTokenValidFor", "PT0S"));
        assertEquals(200, zero.status(), zero.body());
        assertFalse(zero.json().has("oldTokenValidUntil"));
        assertProblem(node.client().check(t.accountSid(), reset.text("authToken"), Map.of()), 401);
    }

    @Test
    void a_grace_period_that_is_negative_too_long_or_not_a_duration_is_refused() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Bad grace"));
        String reset = path(t.accountSid(), "/read-write/reset");
        for (Object wrong : new Object[] {"-PT1H", "P7DT1S", "P8D", "an hour", "", 3600}) {
            assertFieldError(admin.post(reset, Map.of("oldTokenValidFor", wrong)), 400, "oldTokenValidFor");
        }
        assertEquals(204, node.client().check(t.accountSid(), t.readWrite(), Map.of()).status(), "nothing was reset");
        assertEquals(200, admin.post(reset, Map.of("oldTokenValidFor", "P7D")).status());
    }

    @Test
    void end_grace_is_for_admins_of_an_existing_card_and_scope() {
        String sid = admin.createAccount("End grace refusals");
        assertProblem(admin.post(path(sid, "/read-write/end-grace"), null), 404);
        LegacyTokens t = admin.enableLegacyTokens(sid);
        admin.post(path(sid, "/read-write/reset"), Map.of("oldTokenValidFor", "PT1H"));
        ApiClient viewer = node.newOperator("grace-viewer");
        admin.putMember(sid, viewer.email(), "viewer");
        assertProblem(viewer.post(path(sid, "/read-write/end-grace"), null), 403);
        assertProblem(admin.post(path(sid, "/sideways/end-grace"), null), 404);
        assertFieldError(admin.post(path(sid, "/read-write/end-grace"), Map.of("now", true)), 400, "now");
        assertProblem(node.client().post(path(sid, "/read-write/end-grace"), null), 401);
        ApiClient noCsrf = node.newOperator("grace-csrf");
        admin.putMember(sid, noCsrf.email(), "admin");
        assertProblem(noCsrf.withoutCsrf().post(path(sid, "/read-write/end-grace"), null), 403);
        assertEquals(204, node.client().check(sid, t.readWrite(), Map.of()).status(), "the grace still runs");
    }
}
