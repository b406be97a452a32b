package org.tokendesk.domain.notice;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.integration.Channels;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.integration.IntegrationService;
import org.tokendesk.domain.tx.Transactions;
import org.tokendesk.notifier.spi.DeliveryOutcome;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.Recipient;

/**
 * Delivers due outbox rows; one runs in every node. It leases a batch (rows leased by other nodes
 * are skipped, rows of a dead node are taken again when their lease runs out), calls the
 * notifiers concurrently, and records each outcome: delivered, retry at the next step of the
 * schedule, or failed for good. At least once: a crash after a send and before its record means
 * one more send with the same delivery id.
 */
public final class OutboxDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    static final int MAX_DETAIL = 500;
    /** Rows leased per round; a full batch means more may be due. */
    public static final int BATCH = 50;

    private final Transactions tx;
    private final NotifierGateway gateway;
    private final RetrySchedule schedule;
    private final IntegrationService integrations;
    private final Function<AccountSid, URI> credentialsUrl;
    private final Function<String, URI> acknowledgeUrl;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final int batchSize;

    public OutboxDispatcher(Transactions tx, NotifierGateway gateway, RetrySchedule schedule,
            IntegrationService integrations, Function<AccountSid, URI> credentialsUrl,
            Function<String, URI> acknowledgeUrl, Clock clock, String owner, Duration lease, int batchSize) {
        this.tx = tx;
        this.gateway = gateway;
        this.schedule = schedule;
        this.integrations = integrations;
        this.credentialsUrl = credentialsUrl;
        this.acknowledgeUrl = acknowledgeUrl;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
        this.batchSize = batchSize;
    }

    /** Delivers one batch of due rows; returns how many were attempted. */
    public int dispatchOnce() {
        Instant now = clock.instant();
        List<Delivery> due = tx.writeInBackground(s -> s.outbox().claimDue(now, batchSize, owner, now.plus(lease)));
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (Delivery delivery : due) {
            running.add(attempt(delivery));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        return due.size();
    }

    private CompletableFuture<Void> attempt(Delivery delivery) {
        Instant started = clock.instant();
        Optional<Prepared> prepared;
        try {
            prepared = tx.read(s -> s.integrations().find(delivery.accountSid(), delivery.integrationId())
                    .map(i -> new Prepared(i, Channels.WEBHOOK.equals(delivery.channel())
                            ? integrations.signingSecrets(s, i.id()) : List.of())));
        } catch (RuntimeException e) {
            // one row that cannot be prepared must not stall the batch (or the outbox)
            return CompletableFuture.runAsync(() -> record(delivery, started,
                    DeliveryOutcome.retryLater("could not prepare the delivery: " + e.getClass().getSimpleName()),
                    Optional.empty()));
        }
        CompletableFuture<DeliveryOutcome> outcome;
        if (prepared.isEmpty()) {
            outcome = CompletableFuture.completedFuture(DeliveryOutcome.failed("the integration was deleted"));
        } else if (!prepared.get().integration().activeChannels().contains(delivery.channel())) {
            outcome = CompletableFuture.completedFuture(DeliveryOutcome.failed("the channel '" + delivery.channel()
                    + "' is no longer active for this integration"));
        } else if (!gateway.channels().contains(delivery.channel())) {
            outcome = CompletableFuture.completedFuture(
                    DeliveryOutcome.retryLater("channel '" + delivery.channel() + "' is not available on this node"));
        } else {
            outcome = gateway.deliver(delivery.channel(), notice(delivery), recipient(prepared.get()));
        }
        return outcome.thenAccept(result -> record(delivery, started, result, prepared.map(Prepared::integration)));
    }

    private void record(Delivery d, Instant started, DeliveryOutcome outcome, Optional<Integration> integration) {
        Instant now = clock.instant();
        int attempts = d.attempts() + 1;
        Delivery updated;
        String result;
        String detail;
        if (outcome instanceof DeliveryOutcome.Delivered ok) {
            result = "delivered";
            detail = ok.detail();
            updated = with(d, DeliveryStatus.DELIVERED, attempts, d.retryStep(), d.nextAttemptAt(), null, now);
        } else if (outcome instanceof DeliveryOutcome.RetryLater retry) {
            Optional<Instant> next = schedule.next(d.retryStep(), now, retry.after());
            result = "retry";
            detail = retry.reason();
            updated = next.isPresent()
                    ? with(d, DeliveryStatus.PENDING, attempts, d.retryStep() + 1, next.get(), truncate(detail), null)
                    : with(d, DeliveryStatus.FAILED, attempts, d.retryStep(), d.nextAttemptAt(),
                            truncate(detail + " (no retries left)"), null);
        } else if (outcome instanceof DeliveryOutcome.Gone gone) {
            result = "gone";
            detail = gone.reason();
            updated = with(d, DeliveryStatus.FAILED, attempts, d.retryStep(), d.nextAttemptAt(),
                    truncate(detail + (Channels.WEBHOOK.equals(d.channel()) ? " (webhook turned off)" : " (gone)")), null);
        } else {
            result = "failed";
            detail = ((DeliveryOutcome.Failed) outcome).reason();
            updated = with(d, DeliveryStatus.FAILED, attempts, d.retryStep(), d.nextAttemptAt(), truncate(detail), null);
        }
        DeliveryAttempt attempt = new DeliveryAttempt(d.id(), attempts, started,
                Duration.between(started, now).toMillis(), result, truncate(detail));
        boolean gone = outcome instanceof DeliveryOutcome.Gone && Channels.WEBHOOK.equals(d.channel());
        try {
            tx.writeInBackground(s -> {
                if (s.outbox().complete(updated, owner, attempt) && gone && integration.isPresent()) {
                    s.integrations().disableWebhook(integration.get().id(), truncate(detail), now);
                }
                return null;
            });
        } catch (RuntimeException e) {
            // the lease runs out and another attempt follows: at least once, never lost
            LOG.warn("could not record the outcome of delivery {}: {}", d.id(), e.getMessage());
        }
    }

    private static Delivery with(Delivery d, DeliveryStatus status, int attempts, int retryStep, Instant next,
            String lastError, Instant deliveredAt) {
        return new Delivery(d.id(), d.accountSid(), d.integrationId(), d.integrationName(), d.channel(), d.type(), d.scope(),
                d.resetAt(), d.resetBy(), d.previousTokenHint(), d.apiVersion(), status, attempts, retryStep, next,
                lastError, d.createdAt(), deliveredAt, d.staleUse(), d.ackId(), d.oldTokenValidUntil());
    }

    private Notice notice(Delivery d) {
        return Notice.builder().deliveryId(d.id()).type(d.type()).occurredAt(d.createdAt())
                .accountSid(d.accountSid().value()).scope(d.scope().wireName()).resetAt(d.resetAt()).resetBy(d.resetBy())
                .previousTokenHint(d.previousTokenHint()).apiVersion(d.apiVersion()).integrationId(d.integrationId())
                .integrationName(d.integrationName()).credentialsUrl(credentialsUrl.apply(d.accountSid())).staleUse(d.staleUse())
                .oldTokenValidUntil(d.oldTokenValidUntil())
                // rebuilt from the id on every attempt: the link itself is never stored
                .acknowledgeUrl(d.ackId() == null ? null : acknowledgeUrl.apply(d.ackId())).build();
    }

    private static Recipient recipient(Prepared p) {
        Integration i = p.integration();
        return new Recipient(i.ownerName(), i.ownerEmail(), Locale.forLanguageTag(i.ownerLocale()),
                Optional.ofNullable(i.webhookUrl()), p.secrets());
    }

    static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "…";
    }

    private record Prepared(Integration integration, List<String> secrets) {

        @Override
        public String toString() {
            return "Prepared[" + integration.id() + ", secrets masked]";
        }
    }
}
