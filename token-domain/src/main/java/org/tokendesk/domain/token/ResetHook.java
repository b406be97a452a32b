package org.tokendesk.domain.token;

import org.tokendesk.domain.tx.Stores;

/**
 * Runs inside the reset transaction, after the token was replaced: queues the notices.
 */
@FunctionalInterface
public interface ResetHook {

    ResetHook NONE = (stores, reset) -> 0;

    /**
     * @param stores the reset's transaction
     * @param reset what happened
     * @return how many notices were queued
     */
    int afterReset(Stores stores, TokenReset reset);

    /**
     * Runs in the transaction that scheduled a reset: {@code planned} says what will happen and
     * when ({@code resetAt} is the scheduled time, {@code resetBy} who scheduled it).
     *
     * @return how many notices were queued
     */
    default int afterScheduled(Stores stores, TokenReset planned) {
        return 0;
    }

    /**
     * Runs in the transaction that cancelled a scheduled reset ({@code resetAt} is the time it was
     * scheduled for, {@code resetBy} who cancelled it).
     *
     * @return how many notices were queued
     */
    default int afterScheduleCancelled(Stores stores, TokenReset cancelled) {
        return 0;
    }
}
