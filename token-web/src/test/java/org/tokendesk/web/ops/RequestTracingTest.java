package org.tokendesk.web.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.Eventually;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/** A request id on every answer and every log line of a request; an access log without credentials. */
class RequestTracingTest {

    static TestNode node;
    static ApiClient admin;
    final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    final Logger access = (Logger) LoggerFactory.getLogger(RequestTracing.ACCESS_LOGGER);

    @BeforeAll
    static void start() {
        node = TestNode.sqlite();
        admin = node.admin();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @BeforeEach
    void capture() {
        lines.start();
        root.addAppender(lines);
        access.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        root.detachAppender(lines);
        access.setLevel(null);
    }

    private List<ILoggingEvent> accessLines(String requestId) {
        return Eventually.waitFor("the access log line of " + requestId, Duration.ofSeconds(5),
                () -> List.copyOf(lines.list).stream().filter(e -> e.getLoggerName().equals(RequestTracing.ACCESS_LOGGER)
                        && requestId.equals(e.getMDCPropertyMap().get(RequestTracing.MDC_KEY))).toList(),
                l -> !l.isEmpty());
    }

    @Test
    void every_answer_carries_a_request_id_and_a_sane_one_from_the_gateway_is_kept() {
        ApiClient.Response made = node.client().get("/health/live");
        assertTrue(made.header("X-Request-Id").matches("[0-9a-f]{32}"), made.header("X-Request-Id"));
        assertNotEquals(made.header("X-Request-Id"), node.client().get("/health/live").header("X-Request-Id"));
        ApiClient.Response kept = node.client().send("GET", "/health/live", null, Map.of("X-Request-Id", "nginx-4711.a:b"));
        assertEquals("nginx-4711.a:b", kept.header("X-Request-Id"));
        ApiClient.Response replaced = node.client().send("GET", "/health/live", null,
                Map.of("X-Request-Id", "bad id <script>" + "x".repeat(80)));
        assertTrue(replaced.header("X-Request-Id").matches("[0-9a-f]{32}"));
        ApiClient.Response problem = node.client().get("/api/v1/accounts");
        assertEquals(401, problem.status());
        assertTrue(problem.header("X-Request-Id") != null);
    }

    @Test
    void the_access_log_has_one_line_per_request_with_its_id_and_no_credential() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Traced"));
        String id = "trace-check-1";
        ApiClient.Response r = node.client().send("GET", "/v1/auth/check?token=" + t.readOnly(), null,
                Map.of("Authorization", ApiClient.basic(t.accountSid(), t.readWrite()), "X-Request-Id", id,
                        "User-Agent", "gateway-test"));
        assertEquals(204, r.status());
        List<ILoggingEvent> mine = accessLines(id);
        assertEquals(1, mine.size(), mine::toString);
        String line = mine.get(0).getFormattedMessage();
        assertTrue(line.startsWith("GET /v1/auth/check 204 "), line);
        assertTrue(line.contains("client=127.0.0.1") && line.contains("agent=\"gateway-test\""), line);
        for (ILoggingEvent e : List.copyOf(lines.list)) {
            String text = e.getFormattedMessage() + e.getKeyValuePairs();
            assertFalse(text.contains(t.readWrite()) || text.contains(t.readOnly()), () -> "a token in: " + text);
            assertFalse(text.contains("Basic ") || text.contains("token="), () -> "a credential in: " + text);
        }
    }

    @Test
    void the_access_log_names_the_account_path_and_masks_what_looks_like_a_secret() {
        String sid = admin.createAccount("Paths");
        String id = "trace-path-1";
        admin.send("GET", "/api/v1/accounts/" + sid + "/legacy-token", null, Map.of("X-Request-Id", id));
        assertTrue(accessLines(id).get(0).getFormattedMessage().startsWith("GET /api/v1/accounts/" + sid + "/legacy-token 404"),
                () -> accessLines(id).toString());
        String unmatched = "trace-path-2";
        node.client().send("GET", "/nothing/tdrw_abcdefabcdefabcdefabcdefabcdefabcdef12", null, Map.of("X-Request-Id", unmatched));
        String line = accessLines(unmatched).get(0).getFormattedMessage();
        assertTrue(line.startsWith("GET /nothing/*** 404"), line);
    }

    @Test
    void health_probes_are_logged_at_debug_so_they_do_not_flood_the_log() {
        String id = "trace-probe-1";
        node.client().send("GET", "/health/ready", null, Map.of("X-Request-Id", id));
        assertEquals(Level.DEBUG, accessLines(id).get(0).getLevel());
    }

    @Test
    void log_lines_written_while_a_request_runs_carry_its_request_id() {
        String id = "trace-error-1";
        // a sign-in writes the audit; the access line is written on the request's own thread after it
        admin.send("GET", "/api/v1/keys", null, Map.of("X-Request-Id", id));
        ILoggingEvent e = accessLines(id).get(0);
        assertEquals(id, e.getMDCPropertyMap().get("requestId"));
        assertTrue(e.getKeyValuePairs().stream().anyMatch(kv -> kv.key.equals("status") && kv.value.equals(200)),
                () -> e.getKeyValuePairs().toString());
    }
}
