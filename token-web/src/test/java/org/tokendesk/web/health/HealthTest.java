package org.tokendesk.web.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.TestNode;

/** {@code /health/live} and {@code /health/ready}: API.md section 7 (the outage is in DatabaseOutageTest). */
class HealthTest {

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
    void live_answers_200_without_credentials() {
        ApiClient.Response r = node.client().get("/health/live");
        assertEquals(200, r.status(), r.body());
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
    }

    @Test
    void ready_answers_200_while_the_node_is_up_and_migrated() {
        ApiClient.Response r = node.client().get("/health/ready");
        assertEquals(200, r.status(), r.body());
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
    }
}
