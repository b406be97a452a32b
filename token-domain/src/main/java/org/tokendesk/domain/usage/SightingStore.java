package org.tokendesk.domain.usage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.token.TokenKey;
import org.tokendesk.domain.token.TokenScope;

/**
 * Port: uses of tokens per hour and per client (valid checks and old-token sightings), and the
 * stale-use reminders already sent.
 */
public interface SightingStore {

    /**
     * Adds coalesced uses to the bucket of the hour of their last sighting: counts add up, first
     * and last seen widen.
     */
    void add(Collection<Sighting> sightings);

    /** Deletes the hour buckets that end before {@code cutoff}; returns how many rows went. */
    int purgeBefore(Instant cutoff);

    /** Per client, uses of this kind since {@code since}, most recent first. */
    List<ClientUse> clients(UseKind kind, AccountSid sid, TokenScope scope, Instant since);

    /** Checks per hour (start of the hour → count) of this kind since {@code since}, oldest first. */
    List<HourCount> hourly(UseKind kind, AccountSid sid, TokenScope scope, Instant since);

    /** The tokens with uses of this kind last seen at or after {@code since}. */
    List<TokenKey> sightedSince(UseKind kind, Instant since);

    /**
     * Records that an integration is reminded of stale use of a scope now, unless it was reminded
     * at or after {@code notBefore}. Atomic across nodes: of two concurrent claims, one wins.
     *
     * @return whether this caller won the claim and must queue the reminder
     */
    boolean claimReminder(String integrationId, TokenScope scope, Instant now, Instant notBefore);
}
