package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.common.StoreUnavailableException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;

class UsageRecorderTest {

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);
    private final LegacyTokenService service = world.legacyTokens();
    private final EnabledTokens enabled = service.enable(admin, sid, Fixture.ORIGIN);
    private final UsageRecorder usage = new UsageRecorder();
    private final CredentialCheck check = new CredentialCheck(world.tx(), world.hasher(), new CheckFailureLimiter(100),
            usage, world.clock());

    private void use(String token, String method) {
        check.check(sid.value(), token, method, "198.51.100.1");
    }

    private LegacyTokenCard card() {
        return service.card(admin, sid);
    }

    @Test
    void a_valid_check_is_written_by_flush_and_shown_on_the_card() {
        world.clock().advance(Duration.ofMinutes(3));
        Instant usedAt = world.clock().instant();
        use(enabled.readWrite().reveal(), "POST");
        assertNull(card().readWrite().lastUsedAt());
        assertEquals(1, usage.flush(world.tx()));
        assertEquals(usedAt, card().readWrite().lastUsedAt());
        assertNull(card().readOnly().lastUsedAt());
    }

    @Test
    void the_latest_use_per_token_wins() {
        use(enabled.readOnly().reveal(), "GET");
        world.clock().advance(Duration.ofSeconds(30));
        use(enabled.readOnly().reveal(), "HEAD");
        assertEquals(1, usage.flush(world.tx()));
        assertEquals(world.clock().instant(), card().readOnly().lastUsedAt());
    }

    @Test
    void a_flush_never_lowers_last_used_at() {
        world.clock().advance(Duration.ofMinutes(10));
        Instant later = world.clock().instant();
        use(enabled.readWrite().reveal(), "GET");
        usage.flush(world.tx());
        usage.record(new TokenKey(sid, TokenScope.READ_WRITE), later.minus(Duration.ofMinutes(5)));
        usage.flush(world.tx());
        assertEquals(later, card().readWrite().lastUsedAt());
    }

    @Test
    void failed_and_forbidden_checks_are_not_recorded() {
        use("tdrw_wrong", "GET");
        use(enabled.readOnly().reveal(), "DELETE");
        assertEquals(0, usage.flush(world.tx()));
        assertNull(card().readOnly().lastUsedAt());
    }

    @Test
    void a_flush_with_nothing_recorded_writes_nothing() {
        int commits = world.tx().commits();
        assertEquals(0, usage.flush(world.tx()));
        assertEquals(commits, world.tx().commits());
    }

    @Test
    void a_failed_flush_keeps_its_entries_for_the_next_one() {
        Instant usedAt = world.clock().instant();
        use(enabled.readWrite().reveal(), "GET");
        var failure = new StoreUnavailableException("database unreachable", null);
        world.tx().failNextCall(failure);
        assertSame(failure, assertThrows(StoreUnavailableException.class, () -> usage.flush(world.tx())));
        assertNull(card().readWrite().lastUsedAt());
        assertEquals(1, usage.flush(world.tx()));
        assertEquals(usedAt, card().readWrite().lastUsedAt());
    }

    @Test
    void a_flush_writes_each_entry_once() {
        use(enabled.readWrite().reveal(), "GET");
        assertEquals(1, usage.flush(world.tx()));
        assertEquals(0, usage.flush(world.tx()));
    }

    @Test
    void a_use_of_the_old_token_is_not_attributed_to_the_new_one() {
        use(enabled.readWrite().reveal(), "GET");
        world.clock().advance(Duration.ofMinutes(1));
        service.reset(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN);
        usage.flush(world.tx());
        assertNull(card().readWrite().lastUsedAt());
    }
}
