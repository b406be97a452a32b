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
 * <p>The host sets the plugin's class loader as the thread's context class loader around
 * {@link NotifierProvider#create} and {@code deliver}, so libraries that look classes up through
 * it (Jakarta Mail, for one) work from a plugin jar.
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
