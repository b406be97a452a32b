package org.tokendesk.notifier.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one delivery attempt. The host records it in the delivery log and decides what
 * happens next: a {@link RetryLater} is attempted again at the next step of the retry schedule
 * (or after the hint, whichever is later) until the schedule is exhausted.
 *
 * <p>Details and reasons are shown to operators in the delivery log. They must never contain a
 * secret and are truncated by the host.
 */
public sealed interface DeliveryOutcome
        permits DeliveryOutcome.Delivered, DeliveryOutcome.RetryLater, DeliveryOutcome.Failed,
        DeliveryOutcome.Gone {

    /**
     * The receiver accepted the notice.
     *
     * @param detail a short description, for example {@code "HTTP 204"} or {@code "250 OK"}
     */
    record Delivered(String detail) implements DeliveryOutcome {
        public Delivered {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * A temporary failure; try again later.
     *
     * @param reason what went wrong, for example {@code "HTTP 503"} or {@code "connection refused"}
     * @param after the receiver's own hint (such as {@code Retry-After}), if it gave one
     */
    record RetryLater(String reason, Optional<Duration> after) implements DeliveryOutcome {
        public RetryLater {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(after, "after");
            if (after.isPresent() && after.get().isNegative()) {
                throw new IllegalArgumentException("retry delay must not be negative");
            }
        }
    }

    /**
     * A permanent failure; retrying would not help.
     *
     * @param reason what went wrong, for example {@code "550 mailbox unavailable"}
     */
    record Failed(String reason) implements DeliveryOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The receiver says this channel's endpoint is gone for good (for example HTTP 410). The host
     * fails the delivery without retrying; for the built-in webhook channel it also turns the
     * integration's webhook off until an operator edits the integration.
     *
     * @param reason what the receiver answered
     */
    record Gone(String reason) implements DeliveryOutcome {
        public Gone {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A successful delivery.
     *
     * @param detail short description of the receiver's answer
     * @return the outcome
     */
    static DeliveryOutcome delivered(String detail) {
        return new Delivered(detail);
    }

    /**
     * A temporary failure without a hint; the host's retry schedule decides when.
     *
     * @param reason what went wrong
     * @return the outcome
     */
    static DeliveryOutcome retryLater(String reason) {
        return new RetryLater(reason, Optional.empty());
    }

    /**
     * A temporary failure with the receiver's hint of when to try again.
     *
     * @param reason what went wrong
     * @param after how long the receiver asked to wait
     * @return the outcome
     */
    static DeliveryOutcome retryAfter(String reason, Duration after) {
        return new RetryLater(reason, Optional.of(after));
    }

    /**
     * A permanent failure.
     *
     * @param reason what went wrong
     * @return the outcome
     */
    static DeliveryOutcome failed(String reason) {
        return new Failed(reason);
    }

    /**
     * The receiver's endpoint is gone.
     *
     * @param reason what the receiver answered
     * @return the outcome
     */
    static DeliveryOutcome gone(String reason) {
        return new Gone(reason);
    }
}
