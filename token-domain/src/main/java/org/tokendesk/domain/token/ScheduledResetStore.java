package org.tokendesk.domain.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tokendesk.domain.account.AccountSid;

/** Port: pending scheduled resets, at most one per account and scope. */
public interface ScheduledResetStore {

    /**
     * Stores a pending reset unless the scope has one already.
     *
     * @return whether it was stored
     */
    boolean insert(ScheduledReset reset);

    /** The pending resets of the account (at most one per scope). */
    List<ScheduledReset> pending(AccountSid sid);

    /**
     * Deletes the pending reset of a scope. On PostgreSQL a delete that meets a reset being run
     * waits for that transaction and then deletes nothing.
     *
     * @return the deleted reset, if one was pending
     */
    Optional<ScheduledReset> delete(AccountSid sid, TokenScope scope);

    /**
     * Takes one reset that is due at {@code now} out of the store, for this transaction alone: a
     * reset another transaction is taking is skipped (PostgreSQL {@code FOR UPDATE SKIP LOCKED};
     * SQLite serializes writers). When the transaction rolls back, the reset stays pending.
     */
    Optional<ScheduledReset> claimDue(Instant now);
}
