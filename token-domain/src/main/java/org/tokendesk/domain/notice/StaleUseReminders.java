package org.tokendesk.domain.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.tokendesk.domain.common.Ids;
import org.tokendesk.domain.integration.Channels;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.token.CardRecord;
import org.tokendesk.domain.token.InvalidatedToken;
import org.tokendesk.domain.token.TokenKey;
import org.tokendesk.domain.tx.Stores;
import org.tokendesk.domain.tx.Transactions;
import org.tokendesk.domain.usage.StaleUse;
import org.tokendesk.domain.usage.UseKind;
import org.tokendesk.notifier.spi.Notice;

/**
 * Tells the owners of the integrations on a scope that its reset token is still being presented:
 * at most one {@code token.stale_use} notice per integration and scope a day, on every node, each
 * reminder queued exactly once (the claim on the reminder row decides, inside the transaction
 * that queues the outbox rows). Sightings of the last day are what a reminder reports.
 */
public final class StaleUseReminders {

    /** How often a node looks for new sightings; with the 2 s flush, well within 30 s of a sighting. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(10);

    /** At most one reminder per integration and scope in this time. */
    public static final Duration QUIET_TIME = Duration.ofDays(1);

    private final Transactions tx;
    private final Clock clock;
    private final Supplier<Channels> channels;
    private final Duration period;

    public StaleUseReminders(Transactions tx, Clock clock, Supplier<Channels> channels, Duration period) {
        this.tx = tx;
        this.clock = clock;
        this.channels = channels;
        this.period = period;
    }

    /** How often {@link #runOnce} should run. */
    public Duration period() {
        return period;
    }

    /** @return how many outbox rows were queued */
    public int runOnce() {
        return tx.writeInBackground(s -> {
            Instant now = clock.instant();
            Instant since = now.minus(QUIET_TIME);
            List<Delivery> rows = new ArrayList<>();
            for (TokenKey token : s.sightings().sightedSince(UseKind.STALE, since)) {
                remind(s, token, now, since, rows);
            }
            s.outbox().insertAll(rows);
            return rows.size();
        });
    }

    private void remind(Stores s, TokenKey token, Instant now, Instant since, List<Delivery> rows) {
        Optional<CardRecord> card = s.tokens().findCard(token.accountSid());
        Optional<InvalidatedToken> reset = s.tokens().latestReset(token.accountSid(), token.scope());
        StaleUse sightings = StaleUse.of(s.sightings().clients(UseKind.STALE, token.accountSid(), token.scope(), since));
        if (card.isEmpty() || reset.isEmpty() || sightings == null) {
            return;
        }
        org.tokendesk.notifier.spi.StaleUse summary = new org.tokendesk.notifier.spi.StaleUse(
                (int) Math.min(Integer.MAX_VALUE, sightings.count()), sightings.clientCount(), sightings.firstSeenAt(),
                sightings.lastSeenAt());
        // a reminder during a grace period says, like the reset notice, until when the old token works
        Instant validUntil = reset.get().validUntil();
        Instant graceEnd = validUntil != null && validUntil.isAfter(now) ? validUntil : null;
        var available = channels.get().available();
        // an owner who has not confirmed the reset yet gets the same confirmation link again
        Map<String, String> openAcks = new HashMap<>();
        for (Acknowledgement ack : s.acknowledgements().forReset(token.accountSid(), token.scope(),
                reset.get().invalidatedAt())) {
            if (ack.acknowledgedAt() == null) {
                openAcks.put(ack.integrationId(), ack.id());
            }
        }
        for (Integration integration : s.integrations().list(token.accountSid())) {
            if (!integration.dependsOn(token.scope())
                    || !s.sightings().claimReminder(integration.id(), token.scope(), now, now.minus(QUIET_TIME))) {
                continue;
            }
            for (String channel : integration.notifiedChannels(available)) {
                rows.add(new Delivery(Ids.newTimeOrderedId("msg", now), token.accountSid(), integration.id(), integration.name(), channel,
                        Notice.TOKEN_STALE_USE, token.scope(), reset.get().invalidatedAt(), reset.get().invalidatedBy(),
                        reset.get().hint(), card.get().apiVersion(), DeliveryStatus.PENDING, 0, 0, now, null, now, null,
                        summary, openAcks.get(integration.id()), graceEnd));
            }
        }
    }
}
