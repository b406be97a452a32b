package org.tokendesk.notifier.webhook.internal;

import java.net.SocketTimeoutException;
import java.time.Duration;

/** The end of an attempt, so every blocking step gets only the time that is left. */
final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    static Deadline after(Duration limit) {
        return new Deadline(System.nanoTime() + limit.toNanos());
    }

    /**
     * Milliseconds left, at least 1 because 0 means "no timeout" to sockets.
     *
     * @throws SocketTimeoutException when the deadline has passed
     */
    int remainingMillis() throws SocketTimeoutException {
        long left = endNanos - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("request timed out");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000));
    }

    int remainingMillis(Duration cap) throws SocketTimeoutException {
        return (int) Math.min(remainingMillis(), Math.max(1, cap.toMillis()));
    }
}
