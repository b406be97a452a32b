package org.tokendesk.domain.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.tokendesk.domain.account.AccountAccess;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.token.StoredToken;
import org.tokendesk.domain.tx.Transactions;

/** The usage chart's data: for every member, like the card. */
public final class UsageHistories {

    /** One bar per hour of the last 7 days. */
    public static final int HOURS = 168;

    private final Transactions tx;
    private final Clock clock;

    public UsageHistories(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Both tokens' histories, read/write first; empty when legacy tokens are not enabled. */
    public List<UsageHistory> lastWeek(Actor actor, AccountSid sid) {
        return tx.read(s -> {
            AccountAccess.requireMember(s.accounts(), actor, sid);
            Instant from = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(HOURS - 1L, ChronoUnit.HOURS);
            List<UsageHistory> histories = new ArrayList<>();
            for (StoredToken token : s.tokens().tokens(sid)) {
                histories.add(new UsageHistory(token.scope(), from, HOURS,
                        s.sightings().hourly(UseKind.VALID, sid, token.scope(), from),
                        s.sightings().hourly(UseKind.STALE, sid, token.scope(), from), token.lastResetAt()));
            }
            return histories;
        });
    }
}
