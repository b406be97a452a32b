package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;
import org.tokendesk.domain.usage.ClientInfo;
import org.tokendesk.domain.usage.SightingRecorder;
import org.tokendesk.domain.usage.UseKind;

/**
 * {@link CredentialCheck#checkInMemory}, the check the HTTP front runs on threads that must never
 * block, and the background refresh of cache entries. The cache's clock moves only when a test
 * moves it.
 */
class CredentialCheckInMemoryTest {

    private static final ClientInfo CLIENT = ClientInfo.of("10.0.0.9");

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final CheckCache cache = new CheckCache(Duration.ofMillis(50), nanos::get);
    private final EnabledTokens enabled = new LegacyTokenService(world.tx(), world.issuer(true), ApiVersions.DEFAULT,
            world.clock(), ResetHook.NONE, cache).enable(admin, sid, Fixture.ORIGIN);
    private final List<Runnable> refreshes = new ArrayList<>();
    private final UsageRecorder usage = new UsageRecorder();
    private final CredentialCheck check = new CredentialCheck(world.tx(), world.hasher(), new CheckFailureLimiter(2),
            usage, world.clock(), cache, new SightingRecorder(UseKind.VALID, 0),
            new SightingRecorder(UseKind.STALE, 0), refreshes::add);

    private String rw() {
        return enabled.readWrite().reveal();
    }

    private Optional<CheckResult> inMemory(String token, String method) {
        return check.checkInMemory(sid.value(), token, method, CLIENT);
    }

    private void advance(long millis) {
        nanos.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    @Test
    void a_cached_current_token_is_answered_from_memory_as_the_whole_check_answers_it() {
        String ro = enabled.readOnly().reveal();
        assertInstanceOf(CheckResult.Valid.class, check.check(sid.value(), rw(), "GET", CLIENT));
        check.check(sid.value(), ro, "GET", CLIENT);
        int reads = world.tx().reads();
        assertEquals(Optional.of(check.check(sid.value(), rw(), "POST", CLIENT)), inMemory(rw(), "POST"));
        assertInstanceOf(CheckResult.ForbiddenMethod.class, inMemory(ro, "DELETE").orElseThrow());
        assertEquals(reads, world.tx().reads(), "the database was not asked");
        assertEquals(2, usage.flush(world.tx()), "both tokens' uses are recorded");
    }

    @Test
    void a_token_memory_does_not_know_needs_the_database_and_nothing_is_recorded() {
        int reads = world.tx().reads();
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), inMemory("tdrw_unknown", "GET"));
            assertEquals(Optional.empty(), inMemory(rw(), "GET"), "not cached yet");
        }
        assertEquals(reads, world.tx().reads(), "the database was not asked");
        // a limit of two failures a minute: none of the ten counted
        assertInstanceOf(CheckResult.Invalid.class, check.check(sid.value(), "tdrw_unknown", "GET", CLIENT));
        assertInstanceOf(CheckResult.Valid.class, check.check(sid.value(), rw(), "GET", CLIENT));
    }

    @Test
    void a_malformed_credential_and_a_blocked_client_are_answered_from_memory() {
        assertInstanceOf(CheckResult.Invalid.class, check.checkInMemory("not-a-sid", "x", "GET", CLIENT).orElseThrow());
        assertInstanceOf(CheckResult.Invalid.class, check.checkInMemory(null, null, "GET", CLIENT).orElseThrow());
        assertInstanceOf(CheckResult.Limited.class, check.checkInMemory(null, null, "GET", CLIENT).orElseThrow());
        assertEquals(0, world.tx().reads(), "the database was not asked");
    }

    @Test
    void a_token_reset_on_this_node_is_never_answered_from_memory() {
        // the only node: its reset does not wait for other nodes (this test's clock stands still)
        CheckCache only = new CheckCache(Duration.ofMillis(50), nanos::get, true);
        CredentialCheck checks = new CredentialCheck(world.tx(), world.hasher(), new CheckFailureLimiter(2),
                new UsageRecorder(), world.clock(), only);
        String old = rw();
        checks.check(sid.value(), old, "GET", CLIENT);
        assertTrue(checks.checkInMemory(sid.value(), old, "GET", CLIENT).isPresent(), "cached");
        var reset = new LegacyTokenService(world.tx(), world.issuer(true), ApiVersions.DEFAULT, world.clock(),
                ResetHook.NONE, only).reset(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN);
        assertEquals(Optional.empty(), checks.checkInMemory(sid.value(), old, "GET", CLIENT));
        assertEquals(new CheckResult.Reset(reset.resetAt()), checks.check(sid.value(), old, "GET", CLIENT));
    }

    @Test
    void past_half_its_lifetime_one_check_claims_a_refresh_and_the_entry_never_lapses_under_load() {
        check.check(sid.value(), rw(), "GET", CLIENT);
        advance(24);
        assertInstanceOf(CheckResult.Valid.class, inMemory(rw(), "GET").orElseThrow());
        assertEquals(0, refreshes.size(), "not yet half way");
        advance(2);
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(CheckResult.Valid.class, inMemory(rw(), "GET").orElseThrow());
        }
        assertEquals(1, refreshes.size(), "one refresh for many checks");
        refreshes.remove(0).run();
        advance(40); // 66 ms after the first read, 40 after the refresh read
        int reads = world.tx().reads();
        assertInstanceOf(CheckResult.Valid.class, inMemory(rw(), "GET").orElseThrow());
        assertEquals(reads, world.tx().reads(), "served from the refreshed entry");
        assertEquals(1, refreshes.size(), "the refreshed entry is itself due for a refresh");
    }

    @Test
    void without_a_refresh_the_entry_expires_and_the_check_reads_again() {
        check.check(sid.value(), rw(), "GET", CLIENT);
        advance(30);
        inMemory(rw(), "GET");
        refreshes.clear(); // the refresher refused the work
        advance(20);
        assertEquals(Optional.empty(), inMemory(rw(), "GET"), "50 ms after the read: expired");
        assertInstanceOf(CheckResult.Valid.class, check.check(sid.value(), rw(), "GET", CLIENT));
    }

    @Test
    void a_refresh_that_finds_the_token_reset_on_another_node_drops_the_entry_at_once() {
        String old = rw();
        check.check(sid.value(), old, "GET", CLIENT);
        // another node resets: this node's cache hears nothing
        new LegacyTokenService(world.tx(), world.issuer(true), ApiVersions.DEFAULT, world.clock(), ResetHook.NONE,
                CheckCache.disabled()).reset(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN);
        advance(30);
        assertTrue(inMemory(old, "GET").isPresent(), "still within the lifetime the other node's reset waits out");
        refreshes.remove(0).run();
        assertEquals(Optional.empty(), inMemory(old, "GET"), "20 ms before the entry would have expired");
        assertInstanceOf(CheckResult.Reset.class, check.check(sid.value(), old, "GET", CLIENT));
    }
}
