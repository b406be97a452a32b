package org.tokendesk.notifier.spi;

/**
 * Delivers notices over one channel.
 *
 * <p>The host calls {@link #deliver} from a bounded pool of threads, possibly concurrently, and
 * enforces a timeout around each call: implementations must be thread-safe and should set their
 * own network timeouts below that limit. A delivery may be attempted more than once (at least
 * once semantics); {@link Notice#deliveryId()} is the same on every attempt, so receivers can drop
 * duplicates.
 *
 * <p>An exception thrown from {@code deliver} is recorded as a failed attempt of that one
 * delivery and retried like {@link DeliveryOutcome.RetryLater}.
 */
public interface Notifier extends AutoCloseable {

    /**
     * Attempts one delivery.
     *
     * @param notice what happened; never contains a secret
     * @param recipient to whom and where
     * @return what happened to this attempt
     */
    DeliveryOutcome deliver(Notice notice, Recipient recipient);

    /** Releases resources at shutdown. Does nothing by default. */
    @Override
    default void close() {
    }
}
