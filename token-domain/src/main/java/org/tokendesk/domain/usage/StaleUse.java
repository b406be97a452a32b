package org.tokendesk.domain.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.tx.Stores;

/**
 * Old-token sightings of one scope over a period: what the card, the reset preview and the
 * stale-use reminder show.
 *
 * @param count how many checks presented a reset token
 * @param clientCount how many distinct clients did
 * @param clients the most recent clients, at most {@link #MAX_CLIENTS}, most recent first
 * @param firstSeenAt the first sighting
 * @param lastSeenAt the last sighting
 */
public record StaleUse(long count, int clientCount, List<ClientUse> clients, Instant firstSeenAt,
        Instant lastSeenAt) {

    public static final int MAX_CLIENTS = 10;

    /** The period the card and the reset preview look back over. */
    public static final Duration WINDOW = Duration.ofDays(7);

    public StaleUse {
        clients = List.copyOf(clients);
    }

    /** The sightings of one scope over the last {@link #WINDOW}, or null when none. */
    public static StaleUse read(Stores s, AccountSid sid, TokenScope scope, Instant now) {
        return of(s.sightings().clients(UseKind.STALE, sid, scope, now.minus(WINDOW)));
    }

    /**
     * @param uses per-client uses, most recent first
     * @return the summary, or null when there were none
     */
    public static StaleUse of(List<ClientUse> uses) {
        if (uses.isEmpty()) {
            return null;
        }
        long count = 0;
        Instant first = null;
        Instant last = null;
        for (ClientUse use : uses) {
            count += use.count();
            first = first == null || use.firstSeenAt().isBefore(first) ? use.firstSeenAt() : first;
            last = last == null || use.lastSeenAt().isAfter(last) ? use.lastSeenAt() : last;
        }
        return new StaleUse(count, uses.size(), uses.subList(0, Math.min(MAX_CLIENTS, uses.size())), first, last);
    }
}
