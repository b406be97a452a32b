package org.tokendesk.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.token.TokenKey;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.usage.ClientUse;
import org.tokendesk.domain.usage.HourCount;
import org.tokendesk.domain.usage.SightedClient;
import org.tokendesk.domain.usage.Sighting;
import org.tokendesk.domain.usage.UseKind;

/** Token uses per hour and client, and stale-use reminders: run against SQLite and PostgreSQL. */
abstract class SightingPersistenceContractTest {

    static final AccountSid SID = new AccountSid("AC" + "1".repeat(32));
    static final AccountSid OTHER = new AccountSid("AC" + "2".repeat(32));
    static final TokenKey RW = new TokenKey(SID, TokenScope.READ_WRITE);
    static final Instant T0 = Instant.parse("2026-11-20T10:15:00Z");
    static final SightedClient CRON = new SightedClient("198.51.100.9", "cron/1.0", "/orders");
    static final SightedClient APP = new SightedClient("198.51.100.10", "", "");

    Database db;

    abstract DatabaseSettings newSettings();

    @BeforeEach
    void open() {
        db = org.tokendesk.persistence.testing.TestDatabases.openMigrated(newSettings());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void add(Sighting... sightings) {
        db.transactions().write(s -> {
            s.sightings().add(List.of(sightings));
            return null;
        });
    }

    private static Sighting stale(TokenKey token, SightedClient client, long count, Instant first, Instant last) {
        return new Sighting(UseKind.STALE, token, client, count, first, last);
    }

    private List<ClientUse> clients(UseKind kind, TokenScope scope, Instant since) {
        return db.transactions().read(s -> s.sightings().clients(kind, SID, scope, since));
    }

    @Test
    void uses_in_one_hour_add_up_and_widen_first_and_last_seen() {
        add(stale(RW, CRON, 2, T0, T0.plusSeconds(1)));
        add(stale(RW, CRON, 3, T0.minusSeconds(60), T0.plusSeconds(600)));
        List<ClientUse> clients = clients(UseKind.STALE, TokenScope.READ_WRITE, T0.minusSeconds(3600));
        assertEquals(List.of(new ClientUse(CRON, 5, T0.minusSeconds(60), T0.plusSeconds(600))), clients);
    }

    @Test
    void clients_sum_their_hours_most_recent_first_and_are_kept_apart_by_kind_scope_and_account() {
        add(stale(RW, CRON, 2, T0, T0), stale(RW, CRON, 1, T0.plusSeconds(7200), T0.plusSeconds(7200)),
                stale(RW, APP, 4, T0.plusSeconds(3600), T0.plusSeconds(3600)),
                stale(new TokenKey(SID, TokenScope.READ_ONLY), APP, 9, T0, T0),
                stale(new TokenKey(OTHER, TokenScope.READ_WRITE), APP, 9, T0, T0),
                new Sighting(UseKind.VALID, RW, APP, 9, T0, T0));
        List<ClientUse> clients = clients(UseKind.STALE, TokenScope.READ_WRITE, T0.minusSeconds(1));
        assertEquals(List.of(new ClientUse(CRON, 3, T0, T0.plusSeconds(7200)),
                new ClientUse(APP, 4, T0.plusSeconds(3600), T0.plusSeconds(3600))), clients);
        assertEquals(List.of(new ClientUse(APP, 9, T0, T0)), clients(UseKind.VALID, TokenScope.READ_WRITE, T0));
        assertEquals(List.of(new ClientUse(CRON, 1, T0.plusSeconds(7200), T0.plusSeconds(7200))),
                clients(UseKind.STALE, TokenScope.READ_WRITE, T0.plusSeconds(3601)), "only what was seen since");
    }

    @Test
    void hourly_counts_are_per_hour_oldest_first() {
        add(new Sighting(UseKind.VALID, RW, APP, 2, T0, T0), new Sighting(UseKind.VALID, RW, CRON, 3, T0, T0.plusSeconds(60)),
                new Sighting(UseKind.VALID, RW, APP, 5, T0.plusSeconds(3600), T0.plusSeconds(3600)));
        List<HourCount> hours = db.transactions().read(s -> s.sightings().hourly(UseKind.VALID, SID,
                TokenScope.READ_WRITE, T0.minusSeconds(86_400)));
        assertEquals(List.of(new HourCount(Instant.parse("2026-11-20T10:00:00Z"), 5),
                new HourCount(Instant.parse("2026-11-20T11:00:00Z"), 5)), hours);
    }

    @Test
    void sighted_tokens_are_listed_once_each() {
        add(stale(RW, CRON, 1, T0, T0), stale(RW, APP, 1, T0, T0), stale(new TokenKey(OTHER, TokenScope.READ_ONLY), APP, 1,
                T0.minusSeconds(7200), T0.minusSeconds(7200)));
        List<TokenKey> sighted = db.transactions().read(s -> s.sightings().sightedSince(UseKind.STALE, T0.minusSeconds(60)));
        assertEquals(List.of(RW), sighted);
        assertTrue(db.transactions().read(s -> s.sightings().sightedSince(UseKind.VALID, Instant.EPOCH)).isEmpty());
    }

    @Test
    void purge_deletes_only_hours_that_ended_before_the_cutoff() {
        add(stale(RW, CRON, 1, T0, T0), stale(RW, APP, 1, T0.plusSeconds(3600), T0.plusSeconds(3600)));
        int purged = db.transactions().write(s -> s.sightings().purgeBefore(Instant.parse("2026-11-20T11:00:00Z")));
        assertEquals(1, purged);
        assertEquals(List.of(APP), clients(UseKind.STALE, TokenScope.READ_WRITE, Instant.EPOCH).stream()
                .map(ClientUse::client).toList());
    }

    @Test
    void a_reminder_is_claimed_once_until_its_day_has_passed() {
        assertTrue(claim("int_1", T0, T0.minusSeconds(86_400)));
        assertFalse(claim("int_1", T0.plusSeconds(3600), T0.plusSeconds(3600 - 86_400)));
        assertTrue(claim("int_2", T0.plusSeconds(3600), T0.plusSeconds(3600 - 86_400)), "per integration");
        assertTrue(claim("int_1", T0.plusSeconds(86_401), T0.plusSeconds(1)), "a day later");
    }

    @Test
    void of_two_concurrent_claims_exactly_one_wins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = "int_race_" + round;
            CompletableFuture<Boolean> a = CompletableFuture.supplyAsync(() -> claim(id, T0, T0.minusSeconds(86_400)));
            CompletableFuture<Boolean> b = CompletableFuture.supplyAsync(() -> claim(id, T0, T0.minusSeconds(86_400)));
            assertTrue(a.get() ^ b.get(), "round " + round);
        }
    }

    private boolean claim(String integrationId, Instant now, Instant notBefore) {
        return db.transactions().write(s -> s.sightings().claimReminder(integrationId, TokenScope.READ_WRITE, now,
                notBefore));
    }
}
