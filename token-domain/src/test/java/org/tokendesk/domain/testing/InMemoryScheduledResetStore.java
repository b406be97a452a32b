package org.tokendesk.domain.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.token.ScheduledReset;
import org.tokendesk.domain.token.ScheduledResetStore;
import org.tokendesk.domain.token.TokenKey;
import org.tokendesk.domain.token.TokenScope;

/** Pending scheduled resets as the real table keeps them: one per account and scope. */
final class InMemoryScheduledResetStore extends StoreBase implements ScheduledResetStore {

    InMemoryScheduledResetStore(InMemoryState state, boolean writable) {
        super(state, writable);
    }

    @Override
    public boolean insert(ScheduledReset reset) {
        TokenKey key = new TokenKey(reset.accountSid(), reset.scope());
        if (!read().cards.containsKey(reset.accountSid())) {
            throw new IllegalStateException("no card for " + reset.accountSid());
        }
        if (read().scheduledResets.containsKey(key)) {
            return false;
        }
        write().scheduledResets.put(key, reset);
        return true;
    }

    @Override
    public List<ScheduledReset> pending(AccountSid sid) {
        return read().scheduledResets.values().stream().filter(r -> r.accountSid().equals(sid))
                .sorted(Comparator.comparing(ScheduledReset::scope)).toList();
    }

    @Override
    public Optional<ScheduledReset> delete(AccountSid sid, TokenScope scope) {
        TokenKey key = new TokenKey(sid, scope);
        if (!read().scheduledResets.containsKey(key)) {
            return Optional.empty();
        }
        return Optional.of(write().scheduledResets.remove(key));
    }

    @Override
    public Optional<ScheduledReset> claimDue(Instant now) {
        Optional<ScheduledReset> due = read().scheduledResets.values().stream().filter(r -> !r.at().isAfter(now))
                .min(Comparator.comparing(ScheduledReset::at));
        due.ifPresent(r -> write().scheduledResets.remove(new TokenKey(r.accountSid(), r.scope())));
        return due;
    }
}
