package org.tokendesk.domain.notice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.tokendesk.domain.common.Ids;
import org.tokendesk.domain.integration.Channels;
import org.tokendesk.domain.integration.NoticeTarget;
import org.tokendesk.domain.token.ResetHook;
import org.tokendesk.domain.token.TokenReset;
import org.tokendesk.domain.tx.Stores;
import org.tokendesk.notifier.spi.Notice;

/**
 * Inside the reset transaction: one outbox row per (integration that depends on the reset scope ×
 * each of its active channels that this node can deliver over), and per such integration one
 * acknowledgement that its owner can give with the link in the notice. A scheduled reset is
 * announced to the same owners when it is scheduled and when it is cancelled. Nothing is sent here.
 */
public final class NoticePlanner implements ResetHook {

    private final Clock clock;
    private final Supplier<Channels> channels;

    public NoticePlanner(Clock clock, Supplier<Channels> channels) {
        this.clock = clock;
        this.channels = channels;
    }

    @Override
    public int afterReset(Stores s, TokenReset reset) {
        return plan(s, reset, Notice.TOKEN_RESET, true);
    }

    /** A reset was scheduled: the same owners are told what will happen and when; nothing to confirm yet. */
    @Override
    public int afterScheduled(Stores s, TokenReset planned) {
        return plan(s, planned, Notice.TOKEN_RESET_SCHEDULED, false);
    }

    /** A scheduled reset was cancelled: the owners who were told of it learn that the token stays. */
    @Override
    public int afterScheduleCancelled(Stores s, TokenReset cancelled) {
        return plan(s, cancelled, Notice.TOKEN_SCHEDULED_RESET_CANCELLED, false);
    }

    /**
     * One outbox row per dependent integration and deliverable channel; with {@code confirm}, one
     * acknowledgement per such integration that all its channels' notices ask for.
     */
    private int plan(Stores s, TokenReset reset, String type, boolean confirm) {
        Instant now = clock.instant();
        var available = channels.get().available();
        List<Delivery> rows = new ArrayList<>();
        List<Acknowledgement> acks = new ArrayList<>();
        for (NoticeTarget integration : s.integrations().noticeTargets(reset.accountSid())) {
            if (!integration.dependsOn(reset.scope())) {
                continue;
            }
            List<String> notified = integration.notifiedChannels(available);
            if (notified.isEmpty()) {
                continue;
            }
            String ackId = null;
            if (confirm) {
                // one confirmation per integration: its owner confirms once, whichever channel's link is used
                Acknowledgement ack = new Acknowledgement(Ids.newTimeOrderedId("ack", now), reset.accountSid(), integration.id(),
                        reset.scope(), reset.resetAt(), now, null);
                acks.add(ack);
                ackId = ack.id();
            }
            for (String channel : notified) {
                rows.add(new Delivery(Ids.newTimeOrderedId("msg", now), reset.accountSid(), integration.id(), integration.name(), channel,
                        type, reset.scope(), reset.resetAt(), reset.resetBy(), reset.previousTokenHint(),
                        reset.apiVersion(), DeliveryStatus.PENDING, 0, 0, now, null, now, null, null, ackId,
                        reset.oldTokenValidUntil()));
            }
        }
        // acknowledgements first: the outbox rows refer to them
        s.acknowledgements().insertAll(acks);
        s.outbox().insertAll(rows);
        return rows.size();
    }
}
