package org.tokendesk.domain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.Account;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.common.StoreUnavailableException;

class InMemoryTransactionsTest {

    private final Fixture world = new Fixture();
    private final InMemoryTransactions tx = world.tx();

    private Account newAccount() {
        return new Account(AccountSid.generate(world.random()), "Acme", false, Instant.EPOCH);
    }

    @Test
    void a_write_that_returns_normally_is_committed() {
        Account account = newAccount();
        tx.write(s -> {
            s.accounts().insert(account);
            return null;
        });
        assertEquals(Optional.of(account), tx.read(s -> s.accounts().find(account.sid())));
        assertEquals(1, tx.commits());
    }

    @Test
    void a_write_that_throws_halfway_leaves_nothing_behind() {
        Account account = newAccount();
        var boom = new IllegalStateException("boom");
        var thrown = assertThrows(IllegalStateException.class, () -> tx.write(s -> {
            s.accounts().insert(account);
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals(Optional.empty(), tx.read(s -> s.accounts().find(account.sid())));
        assertEquals(0, tx.commits());
    }

    @Test
    void a_write_does_not_show_its_changes_to_reads_before_it_commits() {
        Account account = newAccount();
        tx.write(s -> {
            s.accounts().insert(account);
            assertTrue(s.accounts().find(account.sid()).isPresent());
            assertTrue(tx.read(r -> r.accounts().find(account.sid())).isEmpty());
            assertTrue(tx.isWriting());
            return null;
        });
        assertFalse(tx.isWriting());
    }

    @Test
    void a_read_may_not_write() {
        Account account = newAccount();
        assertThrows(IllegalStateException.class, () -> tx.read(s -> {
            s.accounts().insert(account);
            return null;
        }));
    }

    @Test
    void nested_writes_are_refused_instead_of_losing_data() {
        assertThrows(IllegalStateException.class, () -> tx.write(s -> tx.write(inner -> null)));
    }

    @Test
    void an_injected_failure_hits_only_the_next_call() {
        tx.failNextCall(new StoreUnavailableException("down", null));
        assertThrows(StoreUnavailableException.class, () -> tx.read(s -> s.operators().count()));
        long operators = tx.read(s -> s.operators().count());
        assertEquals(0L, operators);
    }

    @Test
    void the_scanner_finds_text_inside_stored_rows_only() {
        tx.write(s -> {
            s.accounts().insert(new Account(AccountSid.generate(world.random()), "needle-name", false, Instant.EPOCH));
            return null;
        });
        assertTrue(tx.storesText("needle-name"));
        assertFalse(tx.storesText("haystack"));
    }
}
