package org.tokendesk.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.secret.TokenHash;
import org.tokendesk.domain.token.CardRecord;
import org.tokendesk.domain.token.StoredToken;
import org.tokendesk.domain.token.TokenKey;
import org.tokendesk.domain.token.TokenScope;

/** The port behaviour the fakes promise, which the domain relies on and real stores must match. */
class InMemoryStoresTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);
    private final TokenHash hash = new TokenHash(new byte[] {1, 2, 3, 4});

    private void cardWithToken() {
        world.tx().write(s -> {
            s.tokens().insertCard(new CardRecord(sid, "v13", true, T0));
            s.tokens().insertToken(new StoredToken(sid, TokenScope.READ_WRITE, hash, null, "…abcd", T0, null, null));
            return null;
        });
    }

    private Instant lastUsed() {
        return world.tx().read(s -> s.tokens().tokens(sid)).get(0).lastUsedAt();
    }

    @Test
    void an_account_shows_legacy_tokens_enabled_once_its_card_exists() {
        assertFalse(world.tx().read(s -> s.accounts().find(sid)).orElseThrow().legacyTokensEnabled());
        cardWithToken();
        assertTrue(world.tx().read(s -> s.accounts().find(sid)).orElseThrow().legacyTokensEnabled());
    }

    @Test
    void record_use_raises_last_used_at_but_never_lowers_it() {
        cardWithToken();
        TokenKey key = new TokenKey(sid, TokenScope.READ_WRITE);
        world.tx().write(s -> {
            s.tokens().recordUse(Map.of(key, T0.plusSeconds(60)));
            s.tokens().recordUse(Map.of(key, T0.plusSeconds(30)));
            return null;
        });
        assertEquals(T0.plusSeconds(60), lastUsed());
    }

    @Test
    void replacing_a_token_keeps_its_creation_and_sets_the_reset() {
        cardWithToken();
        TokenHash fresh = new TokenHash(new byte[] {5, 6, 7, 8});
        world.tx().write(s -> {
            s.tokens().replaceToken(sid, TokenScope.READ_WRITE, fresh, null, "…wxyz", T0.plusSeconds(5));
            return null;
        });
        StoredToken token = world.tx().read(s -> s.tokens().tokens(sid)).get(0);
        assertEquals(fresh, token.hash());
        assertEquals(T0, token.createdAt());
        assertEquals(T0.plusSeconds(5), token.lastResetAt());
        assertTrue(world.tx().read(s -> s.tokens().findActive(hash)).isEmpty());
    }

    @Test
    void a_row_lock_is_only_available_in_a_write_transaction() {
        cardWithToken();
        assertThrows(IllegalStateException.class,
                () -> world.tx().read(s -> s.tokens().lockToken(sid, TokenScope.READ_WRITE)));
    }

    @Test
    void the_audit_store_numbers_events_upwards_from_one() {
        for (int i = 0; i < 2; i++) {
            world.tx().write(s -> {
                s.audit().append(new AuditEvent(0, T0, "x", AuditAction.ACCOUNT_CREATED, sid, "ip", Map.of()));
                return null;
            });
        }
        assertEquals(List.of(1L, 2L), world.tx().auditEvents().stream().map(AuditEvent::id).toList());
    }
}
