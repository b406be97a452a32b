package org.tokendesk.web.ops;

import org.tokendesk.domain.token.ResetHook;
import org.tokendesk.domain.token.TokenReset;
import org.tokendesk.domain.tx.Stores;

/**
 * Counts resets (every reset runs the hook in its transaction, whether an operator asked for it or
 * a job ran it); queues the notices through the real hook.
 */
public final class CountingResetHook implements ResetHook {

    private final ResetHook hook;
    private final Metrics metrics;

    public CountingResetHook(ResetHook hook, Metrics metrics) {
        this.hook = hook;
        this.metrics = metrics;
    }

    @Override
    public int afterReset(Stores stores, TokenReset reset) {
        int queued = hook.afterReset(stores, reset);
        metrics.countReset(reset.scope().wireName());
        return queued;
    }

    @Override
    public int afterScheduled(Stores stores, TokenReset planned) {
        return hook.afterScheduled(stores, planned);
    }

    @Override
    public int afterScheduleCancelled(Stores stores, TokenReset cancelled) {
        return hook.afterScheduleCancelled(stores, cancelled);
    }
}
