package org.tokendesk.web.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.web.testing.ContractAssertions.assertTimestamp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.Eventually;
import org.tokendesk.web.testing.TestNode;

/**
 * A grace period that ends while checks are running: several threads check the old token through
 * HTTP without pause while its grace ends, by itself and by end-grace; no request sent after the
 * end may pass. Checks go to {@link #checkNode()}, which may be another node than the admin's.
 */
abstract class GraceEndUnderLoadContract {

    static final int THREADS = 4;

    TestNode node;
    ApiClient admin;

    abstract TestNode newNode();

    /** The node the checks go to. */
    TestNode checkNode() {
        return node;
    }

    @BeforeEach
    void start() {
        node = newNode();
        admin = node.admin();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    /** One check: when it was sent (wall clock and monotonic) and its status. */
    record Sent(Instant at, long nanos, int status) {
    }

    /** Checks the token from several threads until {@code stop} is set. */
    private List<Future<?>> hammer(ExecutorService pool, LegacyTokens t, AtomicBoolean stop,
            ConcurrentLinkedQueue<Sent> sent) {
        TestNode target = checkNode();
        return java.util.stream.IntStream.range(0, THREADS).<Future<?>>mapToObj(i -> pool.submit(() -> {
            ApiClient client = target.client();
            while (!stop.get()) {
                Instant at = Instant.now();
                long nanos = System.nanoTime();
                int status = client.check(t.accountSid(), t.readWrite(), Map.of()).status();
                sent.add(new Sent(at, nanos, status));
            }
        })).toList();
    }

    /** Waits (at most 30 s) until some check matches: the condition, not a guessed duration. */
    private static void awaitChecks(ConcurrentLinkedQueue<Sent> sent, Predicate<Sent> condition) {
        Eventually.waitFor("a matching check", Duration.ofSeconds(30), () -> sent.stream().anyMatch(condition));
    }

    private static void await(List<Future<?>> futures) throws Exception {
        for (Future<?> f : futures) {
            f.get();
        }
    }

    @Test
    void no_check_sent_after_a_short_grace_ran_out_passes() throws Exception {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Natural end"));
        ApiClient.Response reset = admin.post("/api/v1/accounts/" + t.accountSid() + "/legacy-token/read-write/reset",
                Map.of("oldTokenValidFor", "PT3S"));
        assertEquals(200, reset.status(), reset.body());
        Instant end = assertTimestamp(reset.json().get("oldTokenValidUntil"));
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = hammer(pool, t, stop, sent);
            // until the checks have run on both sides of the end for a while
            awaitChecks(sent, s -> s.status() == 204 && s.at().isBefore(end));
            awaitChecks(sent, s -> s.at().isAfter(end.plusMillis(300)));
            stop.set(true);
            await(futures);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(sent.stream().anyMatch(s -> s.status() == 204 && s.at().isBefore(end)), "passed during the grace");
        assertTrue(sent.stream().anyMatch(s -> !s.at().isBefore(end)), "checks after the end were sent");
        for (Sent s : sent) {
            if (!s.at().isBefore(end)) {
                assertRefused(s.status(), "a check sent at " + s.at() + ", after the end " + end);
            }
        }
    }

    @Test
    void no_check_sent_after_the_end_grace_answer_passes() throws Exception {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Ended early"));
        String base = "/api/v1/accounts/" + t.accountSid() + "/legacy-token/read-write";
        assertEquals(200, admin.post(base + "/reset", Map.of("oldTokenValidFor", "PT1H")).status());
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long answered;
        try {
            List<Future<?>> futures = hammer(pool, t, stop, sent);
            awaitChecks(sent, s -> s.status() == 204);
            assertEquals(200, admin.post(base + "/end-grace", null).status());
            long endedAt = System.nanoTime();
            answered = endedAt;
            awaitChecks(sent, s -> s.nanos() - endedAt > 300_000_000L);
            stop.set(true);
            await(futures);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(sent.stream().anyMatch(s -> s.status() == 204), "passed during the grace");
        assertTrue(sent.stream().anyMatch(s -> s.nanos() - answered > 0), "checks after the answer were sent");
        for (Sent s : sent) {
            if (s.nanos() - answered > 0) {
                assertRefused(s.status(), "a check sent after the end-grace answer");
            }
        }
    }

    /**
     * Refused: 401, or 429 once the many refused checks of the running threads reach the failure
     * limit (that limit is not what this test is about). Anything else, 204 above all, fails.
     */
    private static void assertRefused(int status, String what) {
        assertTrue(status == 401 || status == 429, what + " was answered " + status);
    }
}
