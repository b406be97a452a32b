package org.tokendesk.notifier.webhook.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.tokendesk.notifier.spi.DeliveryOutcome;

/** Turns the receiver's answer into the outcome the host acts on. */
final class ReplyOutcomes {

    private ReplyOutcomes() {
    }

    static DeliveryOutcome of(HttpReply reply, Instant now) {
        int status = reply.status();
        String reason = "HTTP " + status + (reply.excerpt().isEmpty() ? "" : ": " + reply.excerpt());
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.delivered("HTTP " + status);
        }
        if (status >= 300 && status < 400) {
            // Following a redirect would let the receiver steer us past the destination check.
            return DeliveryOutcome.failed("HTTP " + status + ": redirects are not followed;"
                    + " configure the final webhook URL");
        }
        if (status == 410) {
            return DeliveryOutcome.gone(reason);
        }
        if (status == 429 || (status >= 500 && status < 600)) {
            Optional<Duration> hint = reply.retryAfter().flatMap(value -> RetryAfter.parse(value, now));
            return hint.map(after -> DeliveryOutcome.retryAfter(reason, after))
                    .orElseGet(() -> DeliveryOutcome.retryLater(reason));
        }
        if (status >= 400 && status < 500) {
            return DeliveryOutcome.failed(reason);
        }
        return DeliveryOutcome.failed("unexpected " + reason);
    }
}
