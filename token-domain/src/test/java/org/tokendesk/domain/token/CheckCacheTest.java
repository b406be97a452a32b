package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.secret.TokenHash;
import org.tokendesk.domain.testing.Fixture;

class CheckCacheTest {

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);
    private final AtomicLong nanos = new AtomicLong(1_000);
    /** Every look at this clock moves it 1 ms on, so waiting for the lifetime ends. */
    private final CheckCache cache = new CheckCache(Duration.ofMillis(50), () -> nanos.addAndGet(1_000_000));
    private final LegacyTokenService service = new LegacyTokenService(world.tx(), world.issuer(true),
            ApiVersions.DEFAULT, world.clock(), ResetHook.NONE, cache);
    private final EnabledTokens enabled = service.enable(admin, sid, Fixture.ORIGIN);
    private final CredentialCheck check = new CredentialCheck(world.tx(), world.hasher(), new CheckFailureLimiter(100),
            new UsageRecorder(), world.clock(), cache);

    @Test
    void a_cached_credential_is_answered_without_the_database() {
        assertInstanceOf(CheckResult.Valid.class, check.check(sid.value(), enabled.readWrite().reveal(), "GET", "a"));
        world.tx().failNextCall(new IllegalStateException("the database must not be asked"));
        assertInstanceOf(CheckResult.Valid.class, check.check(sid.value(), enabled.readWrite().reveal(), "GET", "a"));
    }

    @Test
    void an_entry_expires_its_lifetime_after_the_read_that_made_it_started() {
        TokenHash hash = world.hasher().hash("x");
        var credential = new ActiveCredential(sid, TokenScope.READ_ONLY, "v13");
        long started = cache.readStarted();
        nanos.addAndGet(Duration.ofMillis(30).toNanos());
        cache.put(hash, credential, started);
        assertTrue(cache.get(hash).isPresent(), "31 ms after the read started");
        nanos.addAndGet(Duration.ofMillis(18).toNanos());
        assertTrue(cache.get(hash).isEmpty(), "50 ms after the read started, not after it was stored");
    }

    @Test
    void a_reset_drops_this_nodes_entries_and_the_old_token_fails_at_once() {
        String old = enabled.readWrite().reveal();
        check.check(sid.value(), old, "GET", "a");
        var reset = service.reset(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN);
        assertEquals(new CheckResult.Reset(reset.resetAt()), check.check(sid.value(), old, "GET", "a"));
        assertInstanceOf(CheckResult.Valid.class, check.check(sid.value(), reset.authToken().reveal(), "GET", "a"));
    }

    @Test
    void a_reset_answers_only_after_every_entry_of_another_node_has_expired() {
        AtomicLong otherNodeNanos = new AtomicLong(5_000);
        CheckCache otherNode = new CheckCache(Duration.ofMillis(50), otherNodeNanos::get);
        CredentialCheck otherCheck = new CredentialCheck(world.tx(), world.hasher(), new CheckFailureLimiter(100),
                new UsageRecorder(), world.clock(), otherNode);
        String old = enabled.readWrite().reveal();
        otherCheck.check(sid.value(), old, "GET", "a");
        // the real clock drives the wait; both nodes' clocks advance by the time the reset waited
        long before = System.nanoTime();
        CheckCache realTime = new CheckCache(Duration.ofMillis(50), System::nanoTime);
        new LegacyTokenService(world.tx(), world.issuer(true), ApiVersions.DEFAULT, world.clock(), ResetHook.NONE, realTime)
                .reset(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN);
        long waited = System.nanoTime() - before;
        assertTrue(waited >= Duration.ofMillis(50).toNanos(), "the reset waited out the entry lifetime");
        otherNodeNanos.addAndGet(waited);
        assertInstanceOf(CheckResult.Reset.class, otherCheck.check(sid.value(), old, "GET", "a"));
    }

    @Test
    void a_zero_lifetime_caches_nothing_and_waits_for_nothing() {
        CheckCache off = CheckCache.disabled();
        TokenHash hash = world.hasher().hash("x");
        off.put(hash, new ActiveCredential(sid, TokenScope.READ_ONLY, "v13"), off.readStarted());
        assertTrue(off.get(hash).isEmpty());
        long before = System.nanoTime();
        off.awaitStaleEntriesExpired();
        assertTrue(System.nanoTime() - before < Duration.ofMillis(20).toNanos());
    }

    @Test
    void an_entry_a_check_in_flight_stores_after_the_invalidation_is_never_served() {
        TokenHash hash = world.hasher().hash("in flight");
        var credential = new ActiveCredential(sid, TokenScope.READ_WRITE, "v13");
        long readBeforeTheCommit = cache.readStarted();
        cache.invalidate(new TokenKey(sid, TokenScope.READ_WRITE));
        cache.put(hash, credential, readBeforeTheCommit);
        assertTrue(cache.get(hash).isEmpty(), "the read started before the invalidation");

        long readAfter = cache.readStarted();
        cache.put(hash, credential, readAfter);
        assertTrue(cache.get(hash).isPresent(), "a read after the invalidation saw the current token");
        TokenHash other = world.hasher().hash("other scope");
        var readOnly = new ActiveCredential(sid, TokenScope.READ_ONLY, "v13");
        cache.put(other, readOnly, readBeforeTheCommit);
        assertTrue(cache.get(other).isPresent(), "another token of the account is not touched");
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void on_the_only_node_a_reset_does_not_wait_for_other_nodes_yet_the_old_token_fails_at_once() {
        // a lifetime of an hour on a clock that stands still: a reset that waited would never answer
        AtomicLong still = new AtomicLong(7_000);
        CheckCache only = new CheckCache(Duration.ofHours(1), still::get, true);
        LegacyTokenService alone = new LegacyTokenService(world.tx(), world.issuer(true), ApiVersions.DEFAULT,
                world.clock(), ResetHook.NONE, only);
        CredentialCheck checks = new CredentialCheck(world.tx(), world.hasher(), new CheckFailureLimiter(100),
                new UsageRecorder(), world.clock(), only);
        String old = enabled.readOnly().reveal();
        assertInstanceOf(CheckResult.Valid.class, checks.check(sid.value(), old, "GET", "a"));

        var reset = alone.reset(admin, sid, TokenScope.READ_ONLY, Fixture.ORIGIN);

        assertEquals(new CheckResult.Reset(reset.resetAt()), checks.check(sid.value(), old, "GET", "a"));
        assertInstanceOf(CheckResult.Valid.class, checks.check(sid.value(), reset.authToken().reveal(), "GET", "a"));
    }
}
