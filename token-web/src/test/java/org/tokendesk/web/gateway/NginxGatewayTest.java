package org.tokendesk.web.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.Eventually;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/**
 * A real nginx, configured by the documented example {@code docs/deploy/nginx.conf}, protecting an
 * upstream API with tokendesk's {@code /v1/auth/check}: what the operators' gateway actually does.
 */
@Tag("system")
class NginxGatewayTest {

    private static final List<String> ALL_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private static TestNode node;
    private static EchoUpstream upstream;
    private static NginxGateway nginx;
    private static ApiClient admin;
    private static final List<NginxGateway> GATEWAYS = new ArrayList<>();

    @RegisterExtension
    static final TestWatcher PRINT_NGINX_LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            GATEWAYS.forEach(g -> System.out.println(g.logs()));
        }
    };

    @BeforeAll
    static void start() {
        NginxGateway.binary();
        node = TestNode.sqlite();
        upstream = EchoUpstream.start();
        nginx = gateway(node.baseUrl().substring("http://".length()));
        admin = node.admin();
    }

    @AfterAll
    static void stop() {
        try {
            GATEWAYS.forEach(NginxGateway::close);
        } finally {
            try {
                if (upstream != null) {
                    upstream.close();
                }
            } finally {
                if (node != null) {
                    node.close();
                }
            }
        }
    }

    private static NginxGateway gateway(String tokendesk) {
        NginxGateway gateway = NginxGateway.start(tokendesk, upstream.hostPort());
        GATEWAYS.add(gateway);
        return gateway;
    }

    private static LegacyTokens account(String name) {
        return admin.enableLegacyTokens(admin.createAccount(name));
    }

    /** One request through nginx with Basic credentials (none when the token is null). */
    private static ApiClient.Response call(NginxGateway gateway, String method, String path, String sid, String token,
            Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        if (token != null) {
            headers.put("Authorization", ApiClient.basic(sid, token));
        }
        boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        return gateway.client().send(method, path, hasBody ? "{\"amount\": 1}" : null, headers);
    }

    private static ApiClient.Response call(String method, String path, String sid, String token) {
        return call(nginx, method, path, sid, token, Map.of());
    }

    @Test
    void a_read_write_token_passes_every_method_and_the_upstream_learns_who_called() {
        LegacyTokens tokens = account("Gateway read-write");
        for (String method : ALL_METHODS) {
            String path = "/orders/rw-" + method.toLowerCase(Locale.ROOT);
            var r = call(method, path, tokens.accountSid(), tokens.readWrite());
            assertEquals(200, r.status(), () -> method + ": " + r.body());
            assertEquals(method, r.header("X-Echo-Method"));
            assertEquals(tokens.accountSid(), r.header("X-Echo-Account-Sid"), method);
            assertEquals("read_write", r.header("X-Echo-Token-Scope"), method);
            assertNotEquals("null", r.header("X-Echo-Api-Version"), method);
            var seen = upstream.seenAt(path);
            assertEquals(1, seen.size(), method);
            assertEquals(new EchoUpstream.Seen(method, path, tokens.accountSid(), "read_write", seen.get(0).apiVersion()),
                    seen.get(0));
        }
    }

    @Test
    void a_read_only_token_passes_get_head_and_options_and_gets_403_for_the_others() {
        LegacyTokens tokens = account("Gateway read-only");
        for (String method : ALL_METHODS) {
            String path = "/orders/ro-" + method.toLowerCase(Locale.ROOT);
            var r = call(method, path, tokens.accountSid(), tokens.readOnly());
            if (List.of("GET", "HEAD", "OPTIONS").contains(method)) {
                assertEquals(200, r.status(), () -> method + ": " + r.body());
                assertEquals("read_only", r.header("X-Echo-Token-Scope"), method);
                assertEquals(1, upstream.seenAt(path).size(), method);
            } else {
                assertEquals(403, r.status(), () -> method + ": " + r.body());
                assertEquals(List.of(), upstream.seenAt(path), () -> method + " reached the upstream");
            }
        }
    }

    @Test
    void a_request_without_credentials_gets_401_with_www_authenticate_and_never_reaches_the_upstream() {
        var r = call("GET", "/orders/anonymous", null, null);
        assertEquals(401, r.status(), r.body());
        assertEquals("Basic realm=\"tokendesk\"", r.header("WWW-Authenticate"));
        assertEquals(List.of(), upstream.seenAt("/orders/anonymous"));
    }

    @Test
    void identity_headers_sent_by_the_client_are_replaced_by_the_checked_ones() {
        LegacyTokens tokens = account("Gateway spoofing");
        var r = call(nginx, "GET", "/orders/spoof", tokens.accountSid(), tokens.readOnly(),
                Map.of("X-Account-Sid", "AC00000000000000000000000000000000", "X-Token-Scope", "read_write"));
        assertEquals(200, r.status(), r.body());
        var seen = upstream.seenAt("/orders/spoof");
        assertEquals(1, seen.size());
        assertEquals(tokens.accountSid(), seen.get(0).accountSid());
        assertEquals("read_only", seen.get(0).tokenScope());
    }

    @Test
    void after_a_reset_the_very_next_request_with_the_old_token_is_401_and_the_new_token_passes() {
        LegacyTokens tokens = account("Gateway reset");
        assertEquals(200, call("POST", "/orders/before-reset", tokens.accountSid(), tokens.readWrite()).status());

        var reset = admin.post("/api/v1/accounts/" + tokens.accountSid() + "/legacy-token/read-write/reset", null);
        assertEquals(200, reset.status(), reset.body());
        String fresh = reset.text("authToken");

        var old = call("POST", "/orders/old-token", tokens.accountSid(), tokens.readWrite());
        assertEquals(401, old.status(), old.body());
        assertEquals("Basic realm=\"tokendesk\"", old.header("WWW-Authenticate"));
        assertEquals(List.of(), upstream.seenAt("/orders/old-token"));
        var renewed = call("POST", "/orders/new-token", tokens.accountSid(), fresh);
        assertEquals(200, renewed.status(), renewed.body());
        assertEquals("read_write", renewed.header("X-Echo-Token-Scope"));
        assertEquals(200, call("GET", "/orders/read-only-untouched", tokens.accountSid(), tokens.readOnly()).status());
    }

    @Test
    void an_old_token_through_nginx_is_recorded_as_a_sighting_with_user_agent_and_path_but_not_the_query() {
        LegacyTokens tokens = account("Gateway sighting");
        var reset = admin.post("/api/v1/accounts/" + tokens.accountSid() + "/legacy-token/read-write/reset", null);
        assertEquals(200, reset.status(), reset.body());

        var old = call(nginx, "GET", "/some/path?secret=x", tokens.accountSid(), tokens.readWrite(),
                Map.of("User-Agent", "legacy-cron/2.1"));
        assertEquals(401, old.status(), old.body());

        JsonNode staleUse = Eventually.waitFor("the sighting on the card", Duration.ofSeconds(10),
                () -> admin.get("/api/v1/accounts/" + tokens.accountSid() + "/legacy-token").json().get("readWrite")
                        .get("staleUse"), s -> !s.isNull());
        assertEquals(1, staleUse.get("count").asLong());
        JsonNode client = staleUse.get("clients").get(0);
        assertEquals("legacy-cron/2.1", client.get("userAgent").asText());
        assertEquals("/some/path", client.get("uri").asText());
        assertEquals("127.0.0.1", client.get("address").asText(), "nginx's X-Real-IP: the client's address");
        assertTrue(!staleUse.toString().contains("secret"), staleUse.toString());
    }

    @Test
    void repeated_bad_credentials_reach_the_client_as_429_with_retry_after_not_as_500() {
        try (TestNode limited = TestNode.sqlite(Map.of("TOKENDESK_CHECK_FAILURE_LIMIT", "3"));
                NginxGateway gateway = gateway(limited.baseUrl().substring("http://".length()))) {
            ApiClient limitedAdmin = limited.admin();
            LegacyTokens tokens = limitedAdmin.enableLegacyTokens(limitedAdmin.createAccount("Gateway limit"));
            List<Integer> statuses = new ArrayList<>();
            ApiClient.Response last = null;
            for (int i = 0; i < 20 && (last == null || last.status() != 429); i++) {
                last = call(gateway, "GET", "/orders/guess", tokens.accountSid(), "wrong-token-" + i, Map.of());
                statuses.add(last.status());
            }
            assertNotNull(last);
            assertEquals(429, last.status(), () -> "statuses seen: " + statuses);
            assertTrue(statuses.stream().allMatch(s -> s == 401 || s == 429), () -> "statuses seen: " + statuses);
            assertTrue(statuses.size() > 1, () -> "the limit of 3 was hit at once: " + statuses);
            String retryAfter = last.header("Retry-After");
            assertNotNull(retryAfter, "429 without Retry-After");
            assertTrue(Integer.parseInt(retryAfter) >= 1, retryAfter);
            assertTrue(last.header("Content-Type").startsWith("application/problem+json"), last.header("Content-Type"));
            assertEquals("urn:tokendesk:problem:too-many-requests", last.text("type"));
            assertEquals(List.of(), upstream.seenAt("/orders/guess"));
        }
    }

    @Test
    void an_unreachable_tokendesk_gives_the_client_503_and_nothing_reaches_the_upstream() {
        try (NginxGateway gateway = gateway("127.0.0.1:" + NginxGateway.freePort())) {
            var r = call(gateway, "GET", "/orders/no-tokendesk", "AC00000000000000000000000000000000", "any", Map.of());
            assertEquals(503, r.status(), r.body());
            assertEquals("urn:tokendesk:problem:unavailable", r.text("type"));
            assertEquals(List.of(), upstream.seenAt("/orders/no-tokendesk"));
        }
    }
}
