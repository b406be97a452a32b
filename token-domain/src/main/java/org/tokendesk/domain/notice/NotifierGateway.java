package org.tokendesk.domain.notice;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.tokendesk.notifier.spi.DeliveryOutcome;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.Recipient;

/**
 * Port: the loaded notifiers. Implementations run each call on a bounded pool with a timeout and
 * turn an exception or a timeout into {@link DeliveryOutcome.RetryLater}; the future never fails.
 */
public interface NotifierGateway {

    /** Ids of the channels that can deliver. */
    Set<String> channels();

    CompletableFuture<DeliveryOutcome> deliver(String channel, Notice notice, Recipient recipient);
}
