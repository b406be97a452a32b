package org.tokendesk.web.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/**
 * What every endpoint shares (API.md, preamble): errors as problem+json, unknown paths 404,
 * request bodies over 64 KiB 413, and {@code X-Content-Type-Options: nosniff} on every answer.
 */
class HttpBasicsTest {

    private static final int LIMIT = 64 * 1024;

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

    /** A request with a JSON body one byte over the limit, sent whole. */
    private static ApiClient.Response tooLarge(ApiClient client, String method, String path) {
        String prefix = "{\"name\": \"";
        String suffix = "\"}";
        return client.send(method, path, prefix + "n".repeat(LIMIT + 1 - prefix.length() - suffix.length()) + suffix,
                Map.of());
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        ApiClient anonymous = node.client();
        assertProblem(anonymous.get("/no/such/thing"), 404);
        assertProblem(anonymous.get("/api/v1/nothing-here"), 404);
        assertProblem(anonymous.post("/v1/nothing-here", Map.of("a", "b")), 404);
        assertProblem(admin.get("/api/v1/nothing-here"), 404);
        assertProblem(admin.get("/api/v1/accounts/" + admin.createAccount("Paths") + "/nothing-here"), 404);
    }

    @Test
    void a_known_path_with_an_unsupported_method_is_a_problem() {
        ApiClient.Response r = node.client().send("DELETE", "/v1/verify", null, Map.of());
        assertTrue(r.status() == 404 || r.status() == 405, r.status() + " " + r.body());
        assertProblem(r, r.status());
        ApiClient.Response put = admin.put("/api/v1/keys", Map.of("name", "x"));
        assertTrue(put.status() == 404 || put.status() == 405, put.status() + " " + put.body());
        assertProblem(put, put.status());
    }

    @Test
    void every_kind_of_answer_carries_nosniff() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Headers"));
        List<ApiClient.Response> answers = List.of(
                admin.check(t.accountSid(), t.readWrite(), Map.of()),
                admin.check(t.accountSid(), "wrong", Map.of()),
                admin.check(t.accountSid(), t.readOnly(), Map.of("X-Original-Method", "POST")),
                node.client().post("/v1/verify", Map.of("accountSid", t.accountSid(), "authToken", t.readOnly())),
                node.client().post("/v1/verify", Map.of()),
                tooLarge(node.client(), "POST", "/v1/verify"),
                node.client().get("/nowhere"),
                node.client().get("/api/v1/accounts"),
                admin.get("/api/v1/accounts"),
                admin.post("/api/v1/accounts", Map.of("name", "Created")),
                admin.get("/api/v1/accounts/" + t.accountSid() + "/legacy-token/credentials"),
                admin.delete("/api/v1/keys/none"),
                node.client().get("/health/live"),
                node.client().get("/health/ready"));
        for (ApiClient.Response r : answers) {
            assertEquals("nosniff", r.header("X-Content-Type-Options"), r.status() + " " + r.body());
        }
    }

    @Test
    void a_body_over_64_kib_is_a_413_problem_on_every_endpoint() {
        assertProblem(tooLarge(node.client(), "POST", "/api/v1/session"), 413);
        assertProblem(tooLarge(admin, "POST", "/api/v1/accounts"), 413);
        assertProblem(tooLarge(admin, "POST", "/api/v1/keys"), 413);
        assertProblem(tooLarge(admin, "PATCH", "/api/v1/accounts/" + admin.createAccount("Big") + "/legacy-token"), 413);
        assertProblem(tooLarge(node.client(), "POST", "/v1/verify"), 413);
        assertProblem(tooLarge(node.client(), "POST", "/api/v1/accounts"), 413);
        assertProblem(tooLarge(node.client(), "POST", "/no/such/path"), 413);
    }

    @Test
    void a_body_of_exactly_64_kib_is_not_refused_for_its_size() {
        String prefix = "{\"name\": \"";
        String suffix = "\"}";
        String body = prefix + "n".repeat(LIMIT - prefix.length() - suffix.length()) + suffix;
        ApiClient.Response r = admin.post("/api/v1/accounts", body);
        assertProblem(r, 400);
    }

    @Test
    void a_body_over_64_kib_sent_in_chunks_is_a_413_problem() {
        String start = "{\"name\": \"";
        int size = LIMIT + 1;
        String payload = start + "c".repeat(size - start.length());
        // no Content-Length and no final chunk: only reading the stream can find out that it is too large
        ApiClient.Response r = admin.sendRaw("POST", "/api/v1/accounts",
                Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"),
                (Integer.toHexString(size) + "\r\n" + payload).getBytes(StandardCharsets.US_ASCII));
        assertProblem(r, 413);
    }

    @Test
    void errors_never_carry_a_stack_trace() {
        assertProblem(node.client().post("/v1/verify", "{\"accountSid\": [1, {\"x\": }"), 400);
        assertProblem(admin.post("/api/v1/accounts", "\u0000\u0001"), 400);
        assertProblem(admin.patch("/api/v1/accounts/" + admin.createAccount("Trace") + "/legacy-token", "[1,2"), 400);
    }
}
