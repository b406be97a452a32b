package org.tokendesk.domain.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.common.StoreUnavailableException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;
import org.tokendesk.domain.token.CheckFailureLimiter;
import org.tokendesk.domain.token.CheckResult;
import org.tokendesk.domain.token.CredentialCheck;
import org.tokendesk.domain.token.EnabledTokens;
import org.tokendesk.domain.token.LegacyTokenService;
import org.tokendesk.domain.token.TokenKey;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.token.UsageRecorder;
import org.tokendesk.domain.tx.Stores;
import org.tokendesk.domain.tx.Transactions;

class SightingRecorderTest {

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);
    private final LegacyTokenService service = world.legacyTokens();
    private final EnabledTokens enabled = service.enable(admin, sid, Fixture.ORIGIN);
    private final SightingRecorder stale = new SightingRecorder(UseKind.STALE, 100);
    private final SightingRecorder valid = new SightingRecorder(UseKind.VALID, 100);
    private final CredentialCheck check = checkOver(world.tx());

    private CredentialCheck checkOver(Transactions tx) {
        return new CredentialCheck(tx, world.hasher(), new CheckFailureLimiter(1000), new UsageRecorder(), world.clock(),
                org.tokendesk.domain.token.CheckCache.disabled(), valid, stale);
    }

    private String resetReadWrite() {
        String old = enabled.readWrite().reveal();
        service.reset(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN);
        return old;
    }

    private StaleUse staleUse() {
        return service.card(admin, sid).readWrite().staleUse();
    }

    @Test
    void a_check_with_a_reset_token_answers_reset_and_is_shown_on_the_card_after_the_flush() {
        String old = resetReadWrite();
        world.clock().advance(Duration.ofMinutes(1));
        Instant seen = world.clock().instant();
        CheckResult result = check.check(sid.value(), old, "GET", new ClientInfo("198.51.100.9", "cron/1.0", "/orders"));
        assertInstanceOf(CheckResult.Reset.class, result);
        assertNull(staleUse(), "nothing is written before the flush");
        assertEquals(1, stale.flush(world.tx()));
        StaleUse use = staleUse();
        assertEquals(1, use.count());
        assertEquals(1, use.clientCount());
        assertEquals(seen, use.lastSeenAt());
        assertEquals(new SightedClient("198.51.100.9", "cron/1.0", "/orders"), use.clients().get(0).client());
        assertNull(service.card(admin, sid).readOnly().staleUse());
    }

    @Test
    void repeated_sightings_of_one_client_coalesce_into_one_row_with_a_count_and_first_and_last_seen() {
        String old = resetReadWrite();
        Instant first = world.clock().instant();
        for (int i = 0; i < 5; i++) {
            check.check(sid.value(), old, "GET", new ClientInfo("198.51.100.9", "cron/1.0", "/orders?page=" + i));
            world.clock().advance(Duration.ofSeconds(1));
        }
        check.check(sid.value(), old, "GET", new ClientInfo("198.51.100.10", "cron/1.0", "/orders"));
        assertEquals(2, stale.pending());
        assertEquals(2, stale.flush(world.tx()));
        StaleUse use = staleUse();
        assertEquals(6, use.count());
        assertEquals(2, use.clientCount());
        assertEquals("198.51.100.10", use.clients().get(0).client().address(), "most recent first");
        ClientUse repeated = use.clients().get(1);
        assertEquals(5, repeated.count());
        assertEquals(first, repeated.firstSeenAt());
        assertEquals(first.plusSeconds(4), repeated.lastSeenAt());
    }

    @Test
    void beyond_the_bound_new_clients_are_dropped_and_counted_while_known_ones_still_count() {
        SightingRecorder small = new SightingRecorder(UseKind.STALE, 2);
        TokenKey key = new TokenKey(sid, TokenScope.READ_WRITE);
        Instant now = world.clock().instant();
        small.record(key, ClientInfo.of("10.0.0.1"), now);
        small.record(key, ClientInfo.of("10.0.0.2"), now);
        small.record(key, ClientInfo.of("10.0.0.3"), now);
        small.record(key, ClientInfo.of("10.0.0.4"), now);
        small.record(key, ClientInfo.of("10.0.0.1"), now);
        assertEquals(2, small.pending());
        assertEquals(2, small.dropped());
        small.flush(world.tx());
        assertEquals(3, staleUse().count());
        small.record(key, ClientInfo.of("10.0.0.3"), now);
        assertEquals(1, small.pending(), "a flush makes room again");
    }

    @Test
    void the_check_thread_never_writes_sightings_to_the_database() {
        String old = resetReadWrite();
        Transactions readOnly = new Transactions() {
            @Override
            public <T> T write(Function<Stores, T> work) {
                throw new AssertionError("a database write on the check thread");
            }

            @Override
            public <T> T read(Function<Stores, T> work) {
                return world.tx().read(work);
            }
        };
        CredentialCheck guarded = checkOver(readOnly);
        assertInstanceOf(CheckResult.Reset.class, guarded.check(sid.value(), old, "GET", ClientInfo.of("10.0.0.1")));
        assertInstanceOf(CheckResult.Valid.class, guarded.check(sid.value(), enabled.readOnly().reveal(), "GET",
                ClientInfo.of("10.0.0.1")));
        assertEquals(1, stale.pending());
        assertEquals(1, valid.pending());
    }

    @Test
    void what_fails_to_flush_is_kept_for_the_next_flush() {
        String old = resetReadWrite();
        check.check(sid.value(), old, "GET", ClientInfo.of("10.0.0.1"));
        world.tx().failNextCall(new StoreUnavailableException("down", null));
        assertThrows(StoreUnavailableException.class, () -> stale.flush(world.tx()));
        assertEquals(1, stale.flush(world.tx()));
        assertEquals(1, staleUse().count());
    }

    @Test
    void the_query_string_control_characters_and_overlong_values_are_not_kept() {
        SightedClient clean = SightedClient.of(new ClientInfo("10.0.0.1", "evil\r\nX-Injected: 1" + "a".repeat(500),
                "/hook/path?token=tdrw_secret#frag"));
        assertEquals("/hook/path", clean.uri());
        assertFalse(clean.userAgent().contains("\n") || clean.userAgent().contains("\r"), clean.userAgent());
        assertTrue(clean.userAgent().startsWith("evilX-Injected: 1"), clean.userAgent());
        assertEquals(200, clean.userAgent().length());
        assertEquals(new SightedClient("10.0.0.1", "", ""), SightedClient.of(ClientInfo.of("10.0.0.1")));
        String longPath = "/" + "p".repeat(300) + "?secret=x";
        assertEquals(200, SightedClient.of(new ClientInfo("10.0.0.1", null, longPath)).uri().length());
    }

    @Test
    void passing_checks_are_counted_per_client_without_the_path() {
        check.check(sid.value(), enabled.readOnly().reveal(), "GET", new ClientInfo("10.0.0.1", "svc/2", "/a"));
        check.check(sid.value(), enabled.readOnly().reveal(), "GET", new ClientInfo("10.0.0.1", "svc/2", "/b"));
        assertEquals(1, valid.pending());
        valid.flush(world.tx());
        List<ClientUse> clients = world.tx().read(s -> s.sightings().clients(UseKind.VALID, sid, TokenScope.READ_ONLY,
                Instant.EPOCH));
        assertEquals(1, clients.size());
        assertEquals(2, clients.get(0).count());
        assertEquals("", clients.get(0).client().uri());
        assertTrue(world.tx().read(s -> s.sightings().clients(UseKind.STALE, sid, TokenScope.READ_ONLY, Instant.EPOCH))
                .isEmpty());
    }

    @Test
    void sightings_older_than_seven_days_leave_the_card_and_older_than_thirty_days_are_purged() {
        String old = resetReadWrite();
        check.check(sid.value(), old, "GET", ClientInfo.of("10.0.0.1"));
        stale.flush(world.tx());
        world.clock().advance(Duration.ofDays(8));
        assertNull(staleUse());
        assertEquals(0, SightingRecorder.purgeExpired(world.tx(), world.clock().instant()));
        world.clock().advance(Duration.ofDays(23));
        assertEquals(1, SightingRecorder.purgeExpired(world.tx(), world.clock().instant()));
    }
}
