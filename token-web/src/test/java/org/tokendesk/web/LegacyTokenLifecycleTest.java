package org.tokendesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.TestNode;

/** The whole lifecycle over real HTTP: sign in, account, enable, reveal, check, reset. */
class LegacyTokenLifecycleTest {

    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void reset_invalidates_old_token_at_once_and_the_new_one_passes() {
        ApiClient admin = node.admin();
        String sid = admin.post("/api/v1/accounts", Map.of("name", "Acme")).text("accountSid");
        assertEquals(201, admin.post("/api/v1/accounts/" + sid + "/legacy-token", null).status());
        var credentials = admin.get("/api/v1/accounts/" + sid + "/legacy-token/credentials").json();
        String rw = credentials.get("readWrite").get("authToken").asText();
        assertEquals(204, admin.check(sid, rw, Map.of("X-Original-Method", "DELETE")).status());

        var reset = admin.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null);
        assertEquals(200, reset.status());
        var old = admin.check(sid, rw, Map.of());
        assertEquals(401, old.status());
        assertEquals("Basic realm=\"tokendesk\"", old.header("WWW-Authenticate"));
        assertEquals(204, admin.check(sid, reset.text("authToken"), Map.of()).status());
    }
}
