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
}
