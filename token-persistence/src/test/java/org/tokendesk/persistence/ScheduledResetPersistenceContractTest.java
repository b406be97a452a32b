package org.tokendesk.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountService;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.integration.Channels;
import org.tokendesk.domain.integration.IntegrationDraft;
import org.tokendesk.domain.integration.IntegrationService;
import org.tokendesk.domain.notice.Delivery;
import org.tokendesk.domain.notice.NoticePlanner;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.operator.Operator;
import org.tokendesk.domain.secret.AesGcmSecretCipher;
import org.tokendesk.domain.secret.HmacAuthTokenHasher;
import org.tokendesk.domain.secret.MasterKey;
import org.tokendesk.domain.secret.SecureRandomGenerator;
import org.tokendesk.domain.token.ApiVersions;
import org.tokendesk.domain.token.LegacyTokenService;
import org.tokendesk.domain.token.ScheduledReset;
import org.tokendesk.domain.token.ScheduledResetRunner;
import org.tokendesk.domain.token.TokenIssuer;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.tx.Transactions;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.persistence.testing.TestDatabases;

/**
 * Scheduled resets on SQLite and PostgreSQL: the store, and two nodes (two connection pools on
 * one database, each with its own service and runner) racing to run the same due resets and to
 * cancel them — each reset runs exactly once, with one set of notices, or is cancelled.
 */
abstract class ScheduledResetPersistenceContractTest {

    static final RequestOrigin ORIGIN = new RequestOrigin("198.51.100.8", "test");
    static final Actor ADMIN = new Actor("op_test", "admin@example.com", true);
    static final Channels CHANNELS = new Channels(Set.of("email", "webhook"));

    final SecureRandomGenerator random = new SecureRandomGenerator();
    final AesGcmSecretCipher cipher = new AesGcmSecretCipher(MasterKey.generate(random), random);
    final HmacAuthTokenHasher hasher = new HmacAuthTokenHasher(new byte[32]);
    final GracePersistenceContractTest.SteppedClock clock = new GracePersistenceContractTest.SteppedClock();
    DatabaseSettings settings;
    Database nodeA;
    Database nodeB;

    abstract DatabaseSettings newSettings();

    @BeforeEach
    void open() {
        settings = newSettings();
        nodeA = TestDatabases.openMigrated(settings);
        nodeB = Database.open(settings);
        nodeA.transactions().write(s -> {
            s.operators().insert(new Operator("op_test", "admin@example.com", "A", "x", true, null, Instant.now()));
            return null;
        });
    }

    @AfterEach
    void close() {
        nodeB.close();
        nodeA.close();
    }

    LegacyTokenService tokens(Database node) {
        return new LegacyTokenService(node.transactions(), new TokenIssuer(random, hasher, cipher, true),
                ApiVersions.DEFAULT, clock, new NoticePlanner(clock, () -> CHANNELS));
    }

    /** An account with tokens and one integration on each scope, notified by email and webhook. */
    AccountSid account(String name) {
        AccountSid sid = new AccountService(nodeA.transactions(), random, clock).create(ADMIN, name, ORIGIN).sid();
        tokens(nodeA).enable(ADMIN, sid, ORIGIN);
        IntegrationService integrations = new IntegrationService(nodeA.transactions(), cipher, random, clock,
                () -> CHANNELS);
        for (String scope : List.of("read_write", "read_only")) {
            integrations.create(ADMIN, sid, new IntegrationDraft(name + " " + scope, "Owner", "owner@example.com", "en",
                    "https://hooks.example.com/" + scope, List.of(scope), null), ORIGIN);
        }
        return sid;
    }

    List<Delivery> deliveries(AccountSid sid, String type) {
        return nodeA.transactions().read(s -> s.outbox().list(sid, 1000)).stream()
                .filter(d -> d.type().equals(type)).toList();
    }

    int resets(AccountSid sid, TokenScope scope) {
        Integer count = nodeA.transactions().read(s -> s.tokens().latestReset(sid, scope).isPresent() ? 1 : 0);
        return count;
    }

    boolean insert(ScheduledReset reset) {
        Boolean stored = nodeA.transactions().write(s -> s.scheduledResets().insert(reset));
        return stored;
    }

    @Test
    void the_store_keeps_one_pending_reset_per_scope_and_hands_out_only_due_ones() {
        AccountSid sid = account("Store");
        Transactions tx = nodeA.transactions();
        Instant now = clock.instant();
        ScheduledReset rw = new ScheduledReset(sid, TokenScope.READ_WRITE, now.plusSeconds(60), Duration.ofHours(2),
                "admin@example.com", now);
        ScheduledReset ro = new ScheduledReset(sid, TokenScope.READ_ONLY, now.plusSeconds(30), Duration.ZERO,
                "admin@example.com", now);
        assertTrue(insert(rw));
        assertFalse(insert(new ScheduledReset(sid, TokenScope.READ_WRITE, now.plusSeconds(90), Duration.ZERO,
                "other@example.com", now)));
        assertTrue(insert(ro));
        assertEquals(List.of(ro, rw), tx.read(s -> s.scheduledResets().pending(sid)).stream()
                .sorted((a, b) -> a.at().compareTo(b.at())).toList());

        assertEquals(Optional.empty(), tx.write(s -> s.scheduledResets().claimDue(now.plusSeconds(29))));
        assertEquals(Optional.of(ro), tx.write(s -> s.scheduledResets().claimDue(now.plusSeconds(120))));
        assertEquals(Optional.of(rw), tx.write(s -> s.scheduledResets().claimDue(now.plusSeconds(120))));
        assertEquals(Optional.empty(), tx.write(s -> s.scheduledResets().claimDue(now.plusSeconds(120))));

        assertTrue(insert(rw));
        assertEquals(Optional.of(rw), tx.write(s -> s.scheduledResets().delete(sid, TokenScope.READ_WRITE)));
        assertEquals(Optional.empty(), tx.write(s -> s.scheduledResets().delete(sid, TokenScope.READ_WRITE)));
    }

    @Test
    void a_claim_that_rolls_back_leaves_the_reset_pending() {
        AccountSid sid = account("Rollback");
        Instant now = clock.instant();
        ScheduledReset due = new ScheduledReset(sid, TokenScope.READ_WRITE, now, Duration.ZERO, "a@example.com", now);
        nodeA.transactions().write(s -> s.scheduledResets().insert(due));
        assertThrows(IllegalStateException.class, () -> nodeA.transactions().write(s -> {
            s.scheduledResets().claimDue(now);
            throw new IllegalStateException("the reset failed");
        }));
        assertEquals(List.of(due), nodeA.transactions().read(s -> s.scheduledResets().pending(sid)));
    }

    @Test
    void a_reset_can_only_be_scheduled_for_tokens_that_exist() {
        AccountSid withoutCard = new AccountService(nodeA.transactions(), random, clock).create(ADMIN, "No card", ORIGIN)
                .sid();
        Instant now = clock.instant();
        assertThrows(RuntimeException.class, () -> insert(
                new ScheduledReset(withoutCard, TokenScope.READ_WRITE, now, Duration.ZERO, "a@example.com", now)));
    }

    @Test
    void two_nodes_running_the_same_due_resets_run_each_exactly_once_with_one_set_of_notices() throws Exception {
        List<AccountSid> accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            accounts.add(account("Race " + i));
        }
        LegacyTokenService a = tokens(nodeA);
        Instant at = clock.instant().plusSeconds(60);
        for (AccountSid sid : accounts) {
            for (TokenScope scope : TokenScope.values()) {
                a.scheduleReset(ADMIN, sid, scope, at, Duration.ZERO, ORIGIN);
            }
        }
        clock.advance(Duration.ofSeconds(61));
        List<ScheduledResetRunner> runners = List.of(new ScheduledResetRunner(a, Duration.ofSeconds(1)),
                new ScheduledResetRunner(tokens(nodeB), Duration.ofSeconds(1)),
                new ScheduledResetRunner(tokens(nodeB), Duration.ofSeconds(1)));
        CyclicBarrier start = new CyclicBarrier(runners.size());
        List<Callable<Integer>> work = new ArrayList<>();
        for (ScheduledResetRunner runner : runners) {
            work.add(() -> {
                start.await(30, TimeUnit.SECONDS);
                return runner.runOnce();
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(runners.size());
        int ran = 0;
        try {
            for (Future<Integer> f : threads.invokeAll(work)) {
                ran += f.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(accounts.size() * 2, ran, "every due reset ran, none twice");
        for (AccountSid sid : accounts) {
            for (TokenScope scope : TokenScope.values()) {
                assertEquals(1, resets(sid, scope));
            }
            Integer history = nodeA.transactions().read(s -> s.tokens().findCard(sid).isPresent()
                    ? new org.tokendesk.domain.audit.AuditLogService(nodeA.transactions()).page(ADMIN, sid, null, 100)
                            .events().stream().filter(e -> e.action() == org.tokendesk.domain.audit.AuditAction
                                    .LEGACY_TOKEN_RESET).toList().size() : -1);
            assertEquals(2, history, "one reset audit event per scope");
            // one integration per scope × two channels: two notices per scope at scheduling, two at the run
            assertEquals(4, deliveries(sid, Notice.TOKEN_RESET_SCHEDULED).size());
            assertEquals(4, deliveries(sid, Notice.TOKEN_RESET).size());
            assertEquals(List.of(), nodeA.transactions().read(s -> s.scheduledResets().pending(sid)));
        }
    }

    @Test
    void a_cancel_racing_the_run_either_cancels_it_or_finds_it_gone_never_both() throws Exception {
        AccountSid sid = account("Cancel race");
        LegacyTokenService a = tokens(nodeA);
        LegacyTokenService b = tokens(nodeB);
        ScheduledResetRunner runner = new ScheduledResetRunner(b, Duration.ofSeconds(1));
        Map<String, Integer> outcomes = new HashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 12; i++) {
                Instant at = clock.instant().plusSeconds(10);
                a.scheduleReset(ADMIN, sid, TokenScope.READ_WRITE, at, Duration.ZERO, ORIGIN);
                clock.advance(Duration.ofSeconds(11));
                int resetsBefore = deliveries(sid, Notice.TOKEN_RESET).size();
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Boolean> cancel = threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        a.cancelScheduledReset(ADMIN, sid, TokenScope.READ_WRITE, ORIGIN);
                        return true;
                    } catch (NotFoundException gone) {
                        return false;
                    }
                });
                Future<Integer> run = threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return runner.runOnce();
                });
                boolean cancelled = cancel.get(60, TimeUnit.SECONDS);
                int ran = run.get(60, TimeUnit.SECONDS);
                assertEquals(1, (cancelled ? 1 : 0) + ran, "exactly one of cancel and run wins (round " + i + ")");
                int resetNotices = deliveries(sid, Notice.TOKEN_RESET).size() - resetsBefore;
                assertEquals(cancelled ? 0 : 2, resetNotices);
                outcomes.merge(cancelled ? "cancelled" : "ran", 1, Integer::sum);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(12, outcomes.values().stream().mapToInt(Integer::intValue).sum(), outcomes.toString());
        assertEquals(outcomes.getOrDefault("cancelled", 0) * 2,
                deliveries(sid, Notice.TOKEN_SCHEDULED_RESET_CANCELLED).size());
    }
}
