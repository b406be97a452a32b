package org.tokendesk.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountService;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.integration.Channels;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.integration.IntegrationDraft;
import org.tokendesk.domain.integration.IntegrationService;
import org.tokendesk.domain.integration.NoticeTarget;
import org.tokendesk.domain.notice.Acknowledgement;
import org.tokendesk.domain.notice.AcknowledgementTokens;
import org.tokendesk.domain.notice.Acknowledgements;
import org.tokendesk.domain.notice.AlreadyAcknowledgedException;
import org.tokendesk.domain.notice.DeliveryStatus;
import org.tokendesk.domain.notice.NoticePlanner;
import org.tokendesk.domain.notice.NotifierGateway;
import org.tokendesk.domain.notice.OutboxDispatcher;
import org.tokendesk.domain.notice.RetrySchedule;
import org.tokendesk.domain.notice.StaleUseReminders;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.secret.AesGcmSecretCipher;
import org.tokendesk.domain.secret.HmacAuthTokenHasher;
import org.tokendesk.domain.secret.MasterKey;
import org.tokendesk.domain.secret.SecureRandomGenerator;
import org.tokendesk.domain.token.ApiVersions;
import org.tokendesk.domain.token.LegacyTokenService;
import org.tokendesk.domain.token.TokenIssuer;
import org.tokendesk.domain.token.TokenKey;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.usage.SightedClient;
import org.tokendesk.domain.usage.Sighting;
import org.tokendesk.domain.usage.UseKind;
import org.tokendesk.notifier.spi.DeliveryOutcome;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.Recipient;

/** Integrations, the outbox and two dispatchers sharing it: run against SQLite and PostgreSQL. */
abstract class NoticePersistenceContractTest {

    static final RequestOrigin ORIGIN = new RequestOrigin("198.51.100.7", "test");
    static final Actor ADMIN = new Actor("op_test", "admin@example.com", true);

    final SecureRandomGenerator random = new SecureRandomGenerator();
    final AesGcmSecretCipher cipher = new AesGcmSecretCipher(MasterKey.generate(random), random);
    final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    final Supplier<Channels> channels = () -> new Channels(Set.of("email", "webhook"));
    Database db;
    IntegrationService integrations;
    LegacyTokenService tokens;
    AccountSid sid;

    abstract DatabaseSettings newSettings();

    @BeforeEach
    void open() {
        db = org.tokendesk.persistence.testing.TestDatabases.openMigrated(newSettings());
        db.transactions().write(s -> {
            s.operators().insert(new org.tokendesk.domain.operator.Operator("op_test", "admin@example.com", "A", "x",
                    true, null, Instant.now()));
            return null;
        });
        sid = new AccountService(db.transactions(), random, clock).create(ADMIN, "Agency", ORIGIN).sid();
        integrations = new IntegrationService(db.transactions(), cipher, random, clock, channels);
        var hasher = new HmacAuthTokenHasher(new byte[32]);
        tokens = new LegacyTokenService(db.transactions(), new TokenIssuer(random, hasher, cipher, true),
                ApiVersions.DEFAULT, clock, new NoticePlanner(clock, channels));
        tokens.enable(ADMIN, sid, ORIGIN);
    }

    @AfterEach
    void close() {
        db.close();
    }

    IntegrationService.WithSecret integration(String name, List<String> scopes) {
        return integrations.create(ADMIN, sid, new IntegrationDraft(name, "Owner", "owner@example.com", "de",
                "https://hooks.example.com/" + name, scopes, null), ORIGIN);
    }

    @Test
    void integrations_and_their_encrypted_secrets_round_trip() {
        var created = integration("billing", List.of("read_write"));
        var stored = integrations.get(ADMIN, sid, created.integration().id());
        assertEquals(created.integration(), stored);
        assertEquals(List.of("email", "webhook"), stored.channels());
        var rotated = integrations.rotateSecret(ADMIN, sid, stored.id(), ORIGIN);
        List<String> signing = db.transactions().read(s -> integrations.signingSecrets(s, stored.id()));
        assertEquals(List.of(rotated.webhookSecret().reveal(), created.webhookSecret().reveal()), signing);
        boolean plain = db.transactions().read(s -> s.integrations().secrets(stored.id())).map(w ->
                new String(w.current(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("whsec_")).orElseThrow();
        assertFalse(plain, "secrets are stored encrypted");
    }

    @Test
    void the_notice_targets_are_the_integrations_own_in_their_order_with_the_webhook_on_only_where_it_delivers() {
        integration("both", List.of("read_write", "read_only"));
        var off = integration("off", List.of("read_write"));
        integrations.create(ADMIN, sid, new IntegrationDraft("mail", "Owner", "owner@example.com", "en", null,
                List.of("read_only"), List.of("email")), ORIGIN);
        db.transactions().write(s -> {
            s.integrations().disableWebhook(off.integration().id(), "HTTP 410 Gone", clock.instant());
            return null;
        });
        AccountSid other = new AccountService(db.transactions(), random, clock).create(ADMIN, "Other", ORIGIN).sid();
        integrations.create(ADMIN, other, new IntegrationDraft("elsewhere", "Owner", "owner@example.com", "en",
                "https://hooks.example.com/elsewhere", List.of("read_write"), null), ORIGIN);

        List<Integration> all = db.transactions().read(s -> s.integrations().list(sid));
        List<NoticeTarget> targets = db.transactions().read(s -> s.integrations().noticeTargets(sid));
        // the same integrations in the same order (created in one millisecond, they are ordered by id)
        assertEquals(all.stream().map(Integration::noticeTarget).toList(), targets);
        Map<String, NoticeTarget> byName = new java.util.HashMap<>();
        targets.forEach(t -> byName.put(t.name(), t));
        assertEquals(Set.of("both", "off", "mail"), byName.keySet());
        assertTrue(byName.get("both").webhookDelivers());
        assertEquals(Set.of(TokenScope.READ_WRITE, TokenScope.READ_ONLY), byName.get("both").scopes());
        assertFalse(byName.get("off").webhookDelivers());
        assertEquals(List.of("email"), byName.get("off").activeChannels(), "the turned-off webhook is not notified");
        assertFalse(byName.get("mail").webhookDelivers(), "no webhook URL");
    }

    @Test
    void a_stale_use_reminder_is_queued_once_with_its_summary_and_the_last_reset() {
        integration("billing", List.of("read_write"));
        tokens.reset(ADMIN, sid, TokenScope.READ_WRITE, ORIGIN);
        var second = tokens.reset(ADMIN, sid, TokenScope.READ_WRITE, ORIGIN);
        var reset = db.transactions().read(s -> s.tokens().latestReset(sid, TokenScope.READ_WRITE)).orElseThrow();
        assertEquals(second.resetAt(), reset.invalidatedAt());
        assertEquals("admin@example.com", reset.invalidatedBy());
        Instant seen = clock.instant();
        db.transactions().write(s -> {
            s.sightings().add(List.of(new Sighting(UseKind.STALE, new TokenKey(sid, TokenScope.READ_WRITE),
                    new SightedClient("198.51.100.1", "cron/1", "/orders"), 4, seen, seen.plusSeconds(3))));
            return null;
        });
        var reminders = new StaleUseReminders(db.transactions(), clock, channels, StaleUseReminders.DEFAULT_PERIOD);
        assertEquals(2, reminders.runOnce(), "email and webhook");
        assertEquals(0, reminders.runOnce(), "once a day");
        var rows = db.transactions().read(s -> s.outbox().list(sid, 50)).stream()
                .filter(d -> d.type().equals(Notice.TOKEN_STALE_USE)).toList();
        assertEquals(2, rows.size());
        assertEquals(new org.tokendesk.notifier.spi.StaleUse(4, 1, seen, seen.plusSeconds(3)), rows.get(0).staleUse());
        assertEquals(reset.invalidatedAt(), rows.get(0).resetAt());
        assertEquals(reset.hint(), rows.get(0).previousTokenHint());
        assertNull(rows.get(0).oldTokenValidUntil(), "no grace period runs");
        assertTrue(db.transactions().read(s -> s.outbox().list(sid, 50)).stream()
                .filter(d -> d.type().equals(Notice.TOKEN_RESET)).allMatch(d -> d.staleUse() == null));
    }

    @Test
    void a_reset_queues_one_row_per_dependent_integration_and_channel() {
        integration("billing", List.of("read_write"));
        integration("reports", List.of("read_only"));
        integration("both", List.of("read_write", "read_only"));
        var result = tokens.reset(ADMIN, sid, TokenScope.READ_WRITE, ORIGIN);
        assertEquals(4, result.noticesQueued());
        var rows = db.transactions().read(s -> s.outbox().list(sid, 50));
        assertEquals(4, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.status() == DeliveryStatus.PENDING && r.id().startsWith("msg_")));
        assertEquals(4, db.transactions().read(s -> s.outbox().backlog()).pending());
    }

    @Test
    void a_batch_of_outbox_rows_and_acknowledgements_round_trips_every_column_set_and_unset() {
        var integration = integration("billing", List.of("read_write")).integration();
        Instant at = Instant.parse("2026-11-28T10:15:30.123Z");
        var ack = new Acknowledgement("ack_batch1", sid, integration.id(), TokenScope.READ_WRITE, at, at.plusMillis(1),
                at.plusSeconds(60));
        var open = new Acknowledgement("ack_batch2", sid, integration.id(), TokenScope.READ_ONLY, at, at, null);
        // every column set, in a row that no planner writes: positional parameters must match the columns
        var full = new org.tokendesk.domain.notice.Delivery("msg_batch1", sid, integration.id(), "Billing sync",
                "webhook", Notice.TOKEN_STALE_USE, TokenScope.READ_WRITE, at, "admin@example.com", "tdrw…a1b2",
                "2010-04-01", DeliveryStatus.FAILED, 7, 3, at.plusSeconds(300), "HTTP 500", at.minusSeconds(5),
                at.plusSeconds(9), new org.tokendesk.notifier.spi.StaleUse(12, 3, at.minusSeconds(3600), at.minusSeconds(60)),
                "ack_batch1", at.plusSeconds(7200));
        var sparse = new org.tokendesk.domain.notice.Delivery("msg_batch2", sid, integration.id(), "Billing sync",
                "email", Notice.TOKEN_RESET, TokenScope.READ_ONLY, at, "admin@example.com", "tdro…c3d4", "2010-04-01",
                DeliveryStatus.PENDING, 0, 0, at, null, at, null, null, null, null);
        db.transactions().write(s -> {
            s.acknowledgements().insertAll(List.of(ack, open));
            s.outbox().insertAll(List.of(full, sparse));
            return null;
        });
        assertEquals(full, db.transactions().read(s -> s.outbox().find(sid, "msg_batch1")).orElseThrow());
        assertEquals(sparse, db.transactions().read(s -> s.outbox().find(sid, "msg_batch2")).orElseThrow());
        assertEquals(ack, db.transactions().read(s -> s.acknowledgements().find("ack_batch1")).orElseThrow());
        assertEquals(open, db.transactions().read(s -> s.acknowledgements().find("ack_batch2")).orElseThrow());
    }

    @Test
    void a_failing_batch_leaves_nothing_of_its_transaction() {
        var integration = integration("billing", List.of("read_write")).integration();
        Instant at = Instant.parse("2026-11-28T10:15:30Z");
        var row = new org.tokendesk.domain.notice.Delivery("msg_twice", sid, integration.id(), "Billing", "email",
                Notice.TOKEN_RESET, TokenScope.READ_WRITE, at, "admin@example.com", "tdrw…a1b2", "2010-04-01",
                DeliveryStatus.PENDING, 0, 0, at, null, at, null, null, null, null);
        int before = db.transactions().read(s -> s.outbox().list(sid, 500)).size();
        // the same id twice: the primary key refuses the batch, and the transaction rolls back
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> db.transactions().write(s -> {
            s.outbox().insertAll(List.of(row));
            s.outbox().insertAll(List.of(row));
            return null;
        }));
        assertEquals(before, db.transactions().read(s -> s.outbox().list(sid, 500)).size());
    }

    @Test
    void until_when_the_old_token_works_round_trips_through_insert_claim_list_find_and_complete() {
        integration("billing", List.of("read_write"));
        integration("reports", List.of("read_only"));
        var graced = tokens.reset(ADMIN, sid, TokenScope.READ_WRITE, Duration.ofHours(2), ORIGIN);
        tokens.reset(ADMIN, sid, TokenScope.READ_ONLY, ORIGIN);
        Instant until = graced.oldTokenValidUntil();
        assertEquals(graced.resetAt().plus(Duration.ofHours(2)), until);

        var rows = db.transactions().read(s -> s.outbox().list(sid, 50));
        assertEquals(4, rows.size());
        for (var row : rows) {
            assertEquals(row.scope() == TokenScope.READ_WRITE ? until : null, row.oldTokenValidUntil(), row.toString());
            assertEquals(row, db.transactions().read(s -> s.outbox().find(sid, row.id())).orElseThrow());
        }
        Instant now = clock.instant().plusSeconds(1);
        var claimed = db.transactions().write(s -> s.outbox().claimDue(now, 10, "node-a", now.plusSeconds(60)));
        assertEquals(4, claimed.size());
        var rw = claimed.stream().filter(d -> d.scope() == TokenScope.READ_WRITE).findFirst().orElseThrow();
        assertEquals(until, rw.oldTokenValidUntil());
        assertNull(claimed.stream().filter(d -> d.scope() == TokenScope.READ_ONLY).findFirst().orElseThrow()
                .oldTokenValidUntil());
        var done = new org.tokendesk.domain.notice.Delivery(rw.id(), rw.accountSid(), rw.integrationId(),
                rw.integrationName(), rw.channel(), rw.type(), rw.scope(), rw.resetAt(), rw.resetBy(),
                rw.previousTokenHint(), rw.apiVersion(), DeliveryStatus.DELIVERED, 1, 0, rw.nextAttemptAt(), null,
                rw.createdAt(), now, rw.staleUse(), rw.ackId(), rw.oldTokenValidUntil());
        assertTrue(db.transactions().<Boolean>write(s -> s.outbox().complete(done, "node-a",
                new org.tokendesk.domain.notice.DeliveryAttempt(rw.id(), 1, now, 3, "delivered", "ok"))));
        db.transactions().write(s -> {
            s.outbox().redeliver(rw.id(), now);
            return null;
        });
        assertEquals(until, db.transactions().read(s -> s.outbox().find(sid, rw.id())).orElseThrow()
                .oldTokenValidUntil(), "a redelivery tells the same end");
    }

    @Test
    void a_stale_use_reminder_during_a_grace_period_carries_its_end() {
        integration("billing", List.of("read_write"));
        var reset = tokens.reset(ADMIN, sid, TokenScope.READ_WRITE, Duration.ofHours(1), ORIGIN);
        Instant seen = clock.instant();
        db.transactions().write(s -> {
            s.sightings().add(List.of(new Sighting(UseKind.STALE, new TokenKey(sid, TokenScope.READ_WRITE),
                    new SightedClient("198.51.100.1", "cron/1", "/orders"), 1, seen, seen)));
            return null;
        });

        assertEquals(2, new StaleUseReminders(db.transactions(), clock, channels, StaleUseReminders.DEFAULT_PERIOD)
                .runOnce());

        var reminders = db.transactions().read(s -> s.outbox().list(sid, 50)).stream()
                .filter(d -> d.type().equals(Notice.TOKEN_STALE_USE)).toList();
        assertEquals(2, reminders.size());
        assertTrue(reminders.stream().allMatch(d -> reset.oldTokenValidUntil().equals(d.oldTokenValidUntil())));
    }

    @Test
    void a_leased_row_is_not_claimed_twice_until_its_lease_runs_out() {
        integration("billing", List.of("read_write"));
        tokens.reset(ADMIN, sid, TokenScope.READ_WRITE, ORIGIN);
        Instant now = clock.instant().plusSeconds(1);
        var first = db.transactions().write(s -> s.outbox().claimDue(now, 10, "node-a", now.plusSeconds(60)));
        assertEquals(2, first.size());
        assertEquals(0, db.transactions().write(s -> s.outbox().claimDue(now, 10, "node-b", now.plusSeconds(60))).size());
        Instant later = now.plusSeconds(61);
        var taken = db.transactions().write(s -> s.outbox().claimDue(later, 10, "node-b", later.plusSeconds(60)));
        assertEquals(2, taken.size(), "node-a died: its rows are taken again");
        var attempt = new org.tokendesk.domain.notice.DeliveryAttempt(first.get(0).id(), 1, now, 3, "delivered", "ok");
        boolean completed = db.transactions().write(s -> s.outbox().complete(first.get(0), "node-a", attempt));
        assertFalse(completed, "a stale owner cannot overwrite");
    }

    @Test
    void two_dispatchers_deliver_every_notice_exactly_once() throws Exception {
        for (int i = 0; i < 10; i++) {
            integration("int" + i, List.of("read_write", "read_only"));
        }
        int resets = 3;
        for (int i = 0; i < resets; i++) {
            tokens.reset(ADMIN, sid, i % 2 == 0 ? TokenScope.READ_WRITE : TokenScope.READ_ONLY, ORIGIN);
        }
        int expected = resets * 10 * 2;
        CountingGateway gateway = new CountingGateway();
        var schedule = new RetrySchedule(List.of(Duration.ofSeconds(5)), () -> 0.5);
        Runnable[] dispatchers = new Runnable[2];
        for (int d = 0; d < 2; d++) {
            var dispatcher = new OutboxDispatcher(db.transactions(), gateway, schedule, integrations,
                    s -> URI.create("http://localhost/credentials"), id -> URI.create("http://localhost/ack/" + id), clock, "node-" + d, Duration.ofMinutes(1), 7);
            dispatchers[d] = () -> {
                while (dispatcher.dispatchOnce() > 0) {
                    Thread.onSpinWait();
                }
            };
        }
        CompletableFuture.allOf(CompletableFuture.runAsync(dispatchers[0]), CompletableFuture.runAsync(dispatchers[1]))
                .get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(expected, gateway.total.get());
        assertTrue(gateway.perDelivery.values().stream().allMatch(n -> n.get() == 1), "no notice delivered twice");
        assertEquals(expected, gateway.perDelivery.size());
        var rows = db.transactions().read(s -> s.outbox().list(sid, 500));
        assertTrue(rows.stream().allMatch(r -> r.status() == DeliveryStatus.DELIVERED && r.attempts() == 1));
        assertEquals(0, db.transactions().read(s -> s.outbox().backlog()).pending());
    }

    @Test
    void a_reset_stores_one_acknowledgement_per_integration_that_all_its_channels_share() {
        var billing = integration("billing", List.of("read_write")).integration();
        var both = integration("both", List.of("read_write", "read_only")).integration();
        integration("reports", List.of("read_only"));
        var result = tokens.reset(ADMIN, sid, TokenScope.READ_WRITE, ORIGIN);

        var rows = db.transactions().read(s -> s.outbox().list(sid, 50));
        Map<String, Set<String>> ackIds = rows.stream().collect(java.util.stream.Collectors.groupingBy(
                org.tokendesk.domain.notice.Delivery::integrationId,
                java.util.stream.Collectors.mapping(org.tokendesk.domain.notice.Delivery::ackId,
                        java.util.stream.Collectors.toSet())));
        assertEquals(Set.of(billing.id(), both.id()), ackIds.keySet());
        assertEquals(1, ackIds.get(billing.id()).size());
        String billingAck = ackIds.get(billing.id()).iterator().next();
        var stored = db.transactions().read(s -> s.acknowledgements().find(billingAck)).orElseThrow();
        assertEquals(new Acknowledgement(billingAck, sid, billing.id(), TokenScope.READ_WRITE, result.resetAt(),
                stored.createdAt(), null), stored);
        var forReset = db.transactions().read(s -> s.acknowledgements().forReset(sid, TokenScope.READ_WRITE,
                result.resetAt()));
        assertEquals(2, forReset.size());
        assertEquals(List.of(), db.transactions().read(s -> s.acknowledgements().forReset(sid, TokenScope.READ_ONLY,
                result.resetAt())));
        var found = db.transactions().read(s -> s.acknowledgements().findAll(sid, List.of(billingAck, "ack_unknown")));
        assertEquals(List.of(stored), found);
        AccountSid other = new AccountSid("AC" + "0".repeat(32));
        assertEquals(List.of(), db.transactions().read(s -> s.acknowledgements().findAll(other, List.of(billingAck))));
    }

    @Test
    void an_acknowledgement_is_set_once_and_a_second_use_changes_nothing() {
        integration("billing", List.of("read_write"));
        tokens.reset(ADMIN, sid, TokenScope.READ_WRITE, ORIGIN);
        String ackId = db.transactions().read(s -> s.outbox().list(sid, 1)).get(0).ackId();
        Instant first = Instant.parse("2026-03-02T10:00:00.123Z");

        assertTrue(db.transactions().<Boolean>write(s -> s.acknowledgements().acknowledge(ackId, first)));
        assertFalse(db.transactions().<Boolean>write(s -> s.acknowledgements().acknowledge(ackId, first.plusSeconds(60))));
        assertFalse(db.transactions().<Boolean>write(s -> s.acknowledgements().acknowledge("ack_unknown", first)));

        assertEquals(first, db.transactions().read(s -> s.acknowledgements().find(ackId)).orElseThrow().acknowledgedAt());
    }

    @Test
    void of_two_concurrent_uses_of_one_link_exactly_one_succeeds() throws Exception {
        var billing = integration("billing", List.of("read_write")).integration();
        tokens.reset(ADMIN, sid, TokenScope.READ_WRITE, ORIGIN);
        String ackId = db.transactions().read(s -> s.outbox().list(sid, 1)).get(0).ackId();
        var keyed = new AcknowledgementTokens(new byte[32]);
        var acks = new Acknowledgements(db.transactions(), keyed, clock);
        String token = keyed.tokenFor(ackId);
        var start = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<Void>> uses = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            uses.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                    acks.acknowledge(token, ORIGIN);
                    won.incrementAndGet();
                } catch (AlreadyAcknowledgedException e) {
                    refused.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, java.util.concurrent.Executors.newFixedThreadPool(1)));
        }
        start.countDown();
        CompletableFuture.allOf(uses.toArray(CompletableFuture[]::new)).get(60, java.util.concurrent.TimeUnit.SECONDS);

        assertEquals(1, won.get());
        assertEquals(3, refused.get());
        long audited = db.transactions().read(s -> s.audit().page(sid, Long.MAX_VALUE, 100)).stream()
                .filter(e -> e.action() == org.tokendesk.domain.audit.AuditAction.NOTICE_ACKNOWLEDGED).count();
        assertEquals(1, audited);
        assertEquals(List.of(), db.transactions().read(s -> Acknowledgements.unacknowledged(s, sid,
                TokenScope.READ_WRITE)));
        assertFalse(billing.id().isEmpty());
    }

    static final class CountingGateway implements NotifierGateway {
        final AtomicInteger total = new AtomicInteger();
        final Map<String, AtomicInteger> perDelivery = new ConcurrentHashMap<>();

        @Override
        public Set<String> channels() {
            return Set.of("email", "webhook");
        }

        @Override
        public CompletableFuture<DeliveryOutcome> deliver(String channel, Notice notice, Recipient recipient) {
            total.incrementAndGet();
            perDelivery.computeIfAbsent(notice.deliveryId(), k -> new AtomicInteger()).incrementAndGet();
            return CompletableFuture.completedFuture(DeliveryOutcome.delivered("ok"));
        }
    }
}
