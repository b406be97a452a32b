package org.tokendesk.domain.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.token.TokenKey;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.usage.ClientUse;
import org.tokendesk.domain.usage.HourCount;
import org.tokendesk.domain.usage.SightedClient;
import org.tokendesk.domain.usage.Sighting;
import org.tokendesk.domain.usage.SightingStore;
import org.tokendesk.domain.usage.UseKind;

/** Hour buckets of token uses, and the reminders sent; the same rules as the Jdbi store. */
final class InMemorySightingStore extends StoreBase implements SightingStore {

    InMemorySightingStore(InMemoryState state, boolean writable) {
        super(state, writable);
    }

    @Override
    public void add(Collection<Sighting> sightings) {
        InMemoryState state = write();
        for (Sighting s : sightings) {
            var bucket = new InMemoryState.UseBucket(s.kind(), s.token(), s.lastSeenAt().truncatedTo(ChronoUnit.HOURS),
                    s.client());
            state.uses.merge(bucket, s, (a, b) -> new Sighting(a.kind(), a.token(), a.client(), a.count() + b.count(),
                    min(a.firstSeenAt(), b.firstSeenAt()), max(a.lastSeenAt(), b.lastSeenAt())));
        }
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        InMemoryState state = write();
        int before = state.uses.size();
        state.uses.keySet().removeIf(bucket -> !bucket.hour().plus(1, ChronoUnit.HOURS).isAfter(cutoff));
        return before - state.uses.size();
    }

    @Override
    public List<ClientUse> clients(UseKind kind, AccountSid sid, TokenScope scope, Instant since) {
        Map<SightedClient, ClientUse> perClient = new LinkedHashMap<>();
        for (Sighting s : matching(kind, sid, scope, since)) {
            perClient.merge(s.client(), new ClientUse(s.client(), s.count(), s.firstSeenAt(), s.lastSeenAt()),
                    (a, b) -> new ClientUse(a.client(), a.count() + b.count(), min(a.firstSeenAt(), b.firstSeenAt()),
                            max(a.lastSeenAt(), b.lastSeenAt())));
        }
        return perClient.values().stream().sorted(Comparator.comparing(ClientUse::lastSeenAt).reversed()).toList();
    }

    @Override
    public List<HourCount> hourly(UseKind kind, AccountSid sid, TokenScope scope, Instant since) {
        Map<Instant, Long> perHour = new TreeMap<>();
        read().uses.forEach((bucket, s) -> {
            if (bucket.kind() == kind && bucket.token().equals(new TokenKey(sid, scope)) && !s.lastSeenAt().isBefore(since)) {
                perHour.merge(bucket.hour(), s.count(), Long::sum);
            }
        });
        return perHour.entrySet().stream().map(e -> new HourCount(e.getKey(), e.getValue())).toList();
    }

    @Override
    public List<TokenKey> sightedSince(UseKind kind, Instant since) {
        return read().uses.values().stream()
                .filter(s -> s.kind() == kind && !s.lastSeenAt().isBefore(since))
                .map(Sighting::token).distinct().toList();
    }

    @Override
    public boolean claimReminder(String integrationId, TokenScope scope, Instant now, Instant notBefore) {
        InMemoryState state = write();
        var key = new InMemoryState.ReminderKey(integrationId, scope);
        Instant last = state.reminders.get(key);
        if (last != null && !last.isBefore(notBefore)) {
            return false;
        }
        state.reminders.put(key, now);
        return true;
    }

    private List<Sighting> matching(UseKind kind, AccountSid sid, TokenScope scope, Instant since) {
        TokenKey token = new TokenKey(sid, scope);
        return read().uses.values().stream()
                .filter(s -> s.kind() == kind && s.token().equals(token) && !s.lastSeenAt().isBefore(since))
                .toList();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
