package org.tokendesk.web.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.TestNode;

/** With re-display turned off, a token is shown only at reset: API.md section 3, "409 when re-display is turned off". */
class TokenRedisplayOffTest {

    static TestNode node;
    static ApiClient admin;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite(Map.of("TOKENDESK_TOKEN_REDISPLAY", "false"));
        admin = node.admin();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void the_credentials_are_409_when_re_display_is_off() {
        String sid = admin.createAccount("No redisplay");
        assertEquals(201, admin.post("/api/v1/accounts/" + sid + "/legacy-token", null).status());
        assertProblem(admin.get("/api/v1/accounts/" + sid + "/legacy-token/credentials"), 409);
    }

    @Test
    void a_reset_shows_the_new_token_once_and_it_passes_checks() {
        String sid = admin.createAccount("Shown once");
        assertEquals(201, admin.post("/api/v1/accounts/" + sid + "/legacy-token", null).status());
        ApiClient.Response reset = admin.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null);
        assertEquals(200, reset.status(), reset.body());
        assertEquals(204, admin.check(sid, reset.text("authToken"), Map.of()).status());
        assertProblem(admin.get("/api/v1/accounts/" + sid + "/legacy-token/credentials"), 409);
    }
}
