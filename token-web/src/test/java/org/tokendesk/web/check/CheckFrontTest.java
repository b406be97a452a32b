package org.tokendesk.web.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.common.StoreUnavailableException;
import org.tokendesk.domain.token.ActiveCredential;
import org.tokendesk.domain.token.CheckResult;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.web.http.ClientAddress;
import org.tokendesk.web.ops.Metrics;
import org.tokendesk.web.ops.RequestTracing;
import org.tokendesk.web.testing.Eventually;

/**
 * The {@link CheckFront} alone, on a real Jetty server, with a stand-in for Javalin behind it: a
 * plain check is answered by the front and never reaches what is behind it; everything else does.
 * (That its answers are the route's own is what {@code AuthCheckTest} and friends show through a
 * whole node.)
 */
class CheckFrontTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    /** A token memory never knows. */
    private static final String NEEDS_DATABASE = "tdrw_needs_database";

    private final AtomicInteger reachedBehind = new AtomicInteger();
    private final AtomicReference<String> checkedWith = new AtomicReference<>();
    private volatile CheckResult nextResult;
    private volatile RuntimeException nextFailure;
    private volatile Optional<CheckResult> inMemory = Optional.empty();
    private final AtomicInteger askedMemory = new AtomicInteger();
    private volatile CountDownLatch fullCheckMayAnswer = new CountDownLatch(0);
    private final CountDownLatch slowMayAnswer = new CountDownLatch(1);
    private Metrics metrics;
    private Server server;
    private URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        metrics = new Metrics(Clock.systemUTC(), "test");
        ClientAddress clientAddress = new ClientAddress(List.of());
        CheckFront front = new CheckFront(new CheckResponder((sid, token, method, client) -> {
            checkedWith.set(sid + " " + token + " " + method + " " + client.address() + " " + client.userAgent() + " "
                    + client.uri());
            await(fullCheckMayAnswer);
            if (nextFailure != null) {
                throw nextFailure;
            }
            return nextResult;
        }, (sid, token, method, client) -> {
            askedMemory.incrementAndGet();
            return NEEDS_DATABASE.equals(token) ? Optional.empty() : inMemory;
        }, clientAddress, new RequestTracing(clientAddress, metrics)));
        front.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                reachedBehind.incrementAndGet();
                if (request.getHttpURI().getPath().equals("/slow")) {
                    await(slowMayAnswer);
                }
                response.setStatus(200);
                response.write(true, StandardCharsets.UTF_8.encode("behind"), callback);
                return true;
            }
        });
        server = new Server();
        // one selector thread: anything that blocked it would hold up every other connection
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(front);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterEach
    void stop() throws Exception {
        // nothing stays blocked when a test failed half-way
        slowMayAnswer.countDown();
        fullCheckMayAnswer.countDown();
        server.stop();
        metrics.close();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder check() {
        return check("tdrw_secret");
    }

    private HttpRequest.Builder check(String token) {
        String basic = Base64.getEncoder().encodeToString((SID + ":" + token).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(base.resolve("/v1/auth/check")).header("Authorization", "Basic " + basic);
    }

    @Test
    void a_plain_check_is_answered_by_the_front_and_never_reaches_the_handler_behind_it() throws Exception {
        nextResult = new CheckResult.Valid(new ActiveCredential(AccountSid.parse(SID).orElseThrow(), TokenScope.READ_WRITE, "2010-04-01"));
        HttpResponse<String> r = send(check().header("X-Original-Method", "post").header("X-Request-Id", "gw-42")
                .header("User-Agent", "billing-sync/2.1").header("X-Original-URI", "/api/orders?page=2"));
        assertEquals(204, r.statusCode());
        assertEquals(SID, r.headers().firstValue("X-Account-Sid").orElse(null));
        assertEquals("read_write", r.headers().firstValue("X-Token-Scope").orElse(null));
        assertEquals("2010-04-01", r.headers().firstValue("X-Api-Version").orElse(null));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals("gw-42", r.headers().firstValue("X-Request-Id").orElse(null));
        // an empty last write ends the answer: no body, and no Content-Length on a 204 (RFC 9110 8.6)
        assertEquals("", r.body());
        assertTrue(r.headers().firstValue("Content-Length").isEmpty(), () -> r.headers().map().toString());
        // the front adds its headers to a fresh response: each once, as the pipeline sends them
        for (String name : List.of("X-Request-Id", "X-Account-Sid", "X-Token-Scope", "X-Api-Version", "Cache-Control",
                "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Content-Security-Policy")) {
            assertEquals(1, r.headers().allValues(name).size(), name);
        }
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
                r.headers().firstValue("Content-Security-Policy").orElse(null));
        assertTrue(r.headers().firstValue("Strict-Transport-Security").isEmpty(), "HSTS only over TLS");
        // the gateway's view of the request reaches the check raw (the sighting recorder sanitizes it)
        assertEquals(SID + " tdrw_secret POST 127.0.0.1 billing-sync/2.1 /api/orders?page=2", checkedWith.get());
        assertEquals(0, reachedBehind.get());
        assertTrue(metrics.scrape().contains("endpoint=\"auth_check\",outcome=\"valid\""), "the check is counted");
        assertEquals(204, send(check()).statusCode(), "the connection serves the next check");
    }

    @Test
    void a_refused_check_is_a_problem_with_the_realm_and_is_counted_as_invalid() throws Exception {
        nextResult = new CheckResult.Invalid();
        HttpResponse<String> r = send(check());
        assertEquals(401, r.statusCode());
        assertEquals(CheckAnswer.REALM, r.headers().firstValue("WWW-Authenticate").orElse(null));
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(null));
        assertTrue(r.body().contains("\"status\":401"), r.body());
        assertEquals(0, reachedBehind.get());
        assertTrue(metrics.scrape().contains("endpoint=\"auth_check\",outcome=\"invalid\""), "the check is counted");
    }

    @Test
    void a_limited_check_says_when_to_retry() throws Exception {
        nextResult = new CheckResult.Limited(Duration.ofMillis(2500));
        HttpResponse<String> r = send(check());
        assertEquals(429, r.statusCode());
        assertEquals("3", r.headers().firstValue("Retry-After").orElse(null));
    }

    @Test
    void a_database_outage_is_a_503_with_retry_after_never_a_pass() throws Exception {
        nextFailure = new StoreUnavailableException("down", new IllegalStateException("connection refused"));
        HttpResponse<String> r = send(check());
        assertEquals(503, r.statusCode());
        assertEquals("5", r.headers().firstValue("Retry-After").orElse(null));
        assertNull(r.headers().firstValue("X-Account-Sid").orElse(null));
        assertEquals(0, reachedBehind.get());
    }

    @Test
    void every_other_request_goes_on_to_the_handler_behind_the_front() throws Exception {
        nextResult = new CheckResult.Invalid();
        assertEquals("behind", send(HttpRequest.newBuilder(base.resolve("/v1/verify"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))).body());
        assertEquals("behind", send(check().POST(HttpRequest.BodyPublishers.noBody())).body());
        assertEquals("behind", send(HttpRequest.newBuilder(base.resolve("/v1/auth/check/"))).body());
        assertEquals("behind", send(check().method("GET", HttpRequest.BodyPublishers.ofString("a body")))
                .body(), "a body is for Javalin's body limit");
        assertEquals(4, reachedBehind.get());
        assertNull(checkedWith.get());
    }

    @Test
    void a_check_memory_can_answer_is_answered_without_the_full_check() throws Exception {
        inMemory = Optional.of(new CheckResult.Valid(new ActiveCredential(AccountSid.parse(SID).orElseThrow(),
                TokenScope.READ_ONLY, "2010-04-01")));
        HttpResponse<String> r = send(check().header("X-Request-Id", "gw-7"));
        assertEquals(204, r.statusCode());
        assertEquals("read_only", r.headers().firstValue("X-Token-Scope").orElse(null));
        assertEquals("gw-7", r.headers().firstValue("X-Request-Id").orElse(null));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals(1, askedMemory.get());
        assertNull(checkedWith.get(), "the full check, which may wait for the database, was not run");
        assertTrue(metrics.scrape().contains("endpoint=\"auth_check\",outcome=\"valid\""), "the check is counted");
    }

    @Test
    void a_check_memory_cannot_answer_gets_the_full_check() throws Exception {
        nextResult = new CheckResult.Reset(Instant.parse("2026-11-28T10:00:00Z"));
        assertEquals(401, send(check()).statusCode());
        assertEquals(1, askedMemory.get());
        assertTrue(checkedWith.get().startsWith(SID + " tdrw_secret GET"), checkedWith.get());
    }

    @Test
    void a_request_that_blocks_behind_the_front_does_not_hold_up_checks() throws Exception {
        // the front is called on the selector thread: were the blocking pipeline behind it run there,
        // the check on another connection would not even be read until /slow answered
        inMemory = Optional.of(new CheckResult.Invalid());
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(
                HttpRequest.newBuilder(base.resolve("/slow")).build(), HttpResponse.BodyHandlers.ofString());
        Eventually.waitFor("the slow request is being handled", Duration.ofSeconds(10), () -> reachedBehind.get() == 1);
        HttpResponse<String> r = send(check().timeout(Duration.ofSeconds(10)));
        assertEquals(401, r.statusCode());
        assertFalse(slow.isDone(), "the slow request is still being handled");
        slowMayAnswer.countDown();
        assertEquals("behind", slow.get(10, TimeUnit.SECONDS).body());
    }

    @Test
    void a_check_that_waits_for_the_database_does_not_hold_up_checks_memory_answers() throws Exception {
        fullCheckMayAnswer = new CountDownLatch(1);
        nextResult = new CheckResult.Invalid();
        inMemory = Optional.of(new CheckResult.Invalid());
        CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(check(NEEDS_DATABASE).build(),
                HttpResponse.BodyHandlers.ofString());
        Eventually.waitFor("the full check is waiting", Duration.ofSeconds(10), () -> checkedWith.get() != null);
        HttpResponse<String> r = send(check().timeout(Duration.ofSeconds(10)));
        assertEquals(401, r.statusCode());
        assertFalse(waiting.isDone(), "the check that needs the database is still waiting for it");
        fullCheckMayAnswer.countDown();
        assertEquals(401, waiting.get(10, TimeUnit.SECONDS).statusCode());
    }
}
