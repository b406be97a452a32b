package org.tokendesk.web.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
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

/**
 * The {@link CheckFront} alone, on a real Jetty server, with a stand-in for Javalin behind it: a
 * plain check is answered by the front and never reaches what is behind it; everything else does.
 * (That its answers are the route's own is what {@code AuthCheckTest} and friends show through a
 * whole node.)
 */
class CheckFrontTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";

    private final AtomicInteger reachedBehind = new AtomicInteger();
    private final AtomicReference<String> checkedWith = new AtomicReference<>();
    private volatile CheckResult nextResult;
    private volatile RuntimeException nextFailure;
    private Metrics metrics;
    private Server server;
    private URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        metrics = new Metrics(Clock.systemUTC(), "test");
        ClientAddress clientAddress = new ClientAddress(List.of());
        CheckFront front = new CheckFront((sid, token, method, client) -> {
            checkedWith.set(sid + " " + token + " " + method + " " + client.address() + " " + client.userAgent() + " "
                    + client.uri());
            if (nextFailure != null) {
                throw nextFailure;
            }
            return nextResult;
        }, clientAddress, new RequestTracing(clientAddress, metrics));
        front.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                reachedBehind.incrementAndGet();
                response.setStatus(200);
                response.write(true, StandardCharsets.UTF_8.encode("behind"), callback);
                return true;
            }
        });
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(front);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        metrics.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder check() {
        String basic = Base64.getEncoder().encodeToString((SID + ":tdrw_secret").getBytes(StandardCharsets.UTF_8));
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
        // the gateway's view of the request reaches the check raw (the sighting recorder sanitizes it)
        assertEquals(SID + " tdrw_secret POST 127.0.0.1 billing-sync/2.1 /api/orders?page=2", checkedWith.get());
        assertEquals(0, reachedBehind.get());
        assertTrue(metrics.scrape().contains("endpoint=\"auth_check\",outcome=\"valid\""), "the check is counted");
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
}
