package org.tokendesk.domain.usage;

import org.tokendesk.domain.tx.Transactions;

/**
 * The two recorders a node runs: passing checks per client, and old-token sightings.
 *
 * @param valid passing checks
 * @param stale checks with a reset token
 */
public record UseRecorders(SightingRecorder valid, SightingRecorder stale) {

    /** Both recorders with the default bound. */
    public static UseRecorders bounded() {
        return new UseRecorders(new SightingRecorder(UseKind.VALID, SightingRecorder.DEFAULT_MAX_KEYS),
                new SightingRecorder(UseKind.STALE, SightingRecorder.DEFAULT_MAX_KEYS));
    }

    /** Writes both; a failure of the first does not keep the second from trying. */
    public void flush(Transactions tx) {
        RuntimeException failure = null;
        for (SightingRecorder recorder : new SightingRecorder[] {stale, valid}) {
            try {
                recorder.flush(tx);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
