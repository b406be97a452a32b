package org.tokendesk.web.ops;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.tokendesk.domain.notice.NotifierGateway;
import org.tokendesk.notifier.spi.DeliveryOutcome;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.Recipient;

/** Counts and times every delivery attempt by channel and outcome; delivers through the real gateway. */
public final class MeteredNotifierGateway implements NotifierGateway {

    private final NotifierGateway gateway;
    private final Metrics metrics;

    public MeteredNotifierGateway(NotifierGateway gateway, Metrics metrics) {
        this.gateway = gateway;
        this.metrics = metrics;
    }

    @Override
    public Set<String> channels() {
        return gateway.channels();
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(String channel, Notice notice, Recipient recipient) {
        Instant started = metrics.clock().instant();
        return gateway.deliver(channel, notice, recipient).whenComplete((outcome, error) ->
                metrics.recordDelivery(channel, outcome(outcome, error), started));
    }

    static String outcome(DeliveryOutcome outcome, Throwable error) {
        if (error != null || outcome == null) {
            return "retry";
        }
        if (outcome instanceof DeliveryOutcome.Delivered) {
            return "delivered";
        }
        if (outcome instanceof DeliveryOutcome.RetryLater) {
            return "retry";
        }
        if (outcome instanceof DeliveryOutcome.Gone) {
            return "gone";
        }
        return "failed";
    }

    @Override
    public String toString() {
        return "MeteredNotifierGateway[" + gateway + "]";
    }
}
