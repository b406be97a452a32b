package org.tokendesk.domain.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.notice.Acknowledgement;
import org.tokendesk.domain.notice.AcknowledgementStore;
import org.tokendesk.domain.token.TokenScope;

/** Acknowledgements as the real table keeps them: ids unique, acknowledged at most once. */
final class InMemoryAcknowledgementStore extends StoreBase implements AcknowledgementStore {

    InMemoryAcknowledgementStore(InMemoryState state, boolean writable) {
        super(state, writable);
    }

    @Override
    public void insertAll(List<Acknowledgement> acknowledgements) {
        for (Acknowledgement a : acknowledgements) {
            if (!read().accounts.containsKey(a.accountSid()) || read().acknowledgements.containsKey(a.id())) {
                throw new IllegalStateException("no account or duplicate acknowledgement " + a.id());
            }
            write().acknowledgements.put(a.id(), a);
        }
    }

    @Override
    public Optional<Acknowledgement> find(String id) {
        return Optional.ofNullable(read().acknowledgements.get(id));
    }

    @Override
    public boolean acknowledge(String id, Instant at) {
        Acknowledgement a = read().acknowledgements.get(id);
        if (a == null || a.acknowledged()) {
            return false;
        }
        write().acknowledgements.put(id, new Acknowledgement(a.id(), a.accountSid(), a.integrationId(), a.scope(),
                a.resetAt(), a.createdAt(), at));
        return true;
    }

    @Override
    public List<Acknowledgement> forReset(AccountSid sid, TokenScope scope, Instant resetAt) {
        return read().acknowledgements.values().stream()
                .filter(a -> a.accountSid().equals(sid) && a.scope() == scope && a.resetAt().equals(resetAt))
                .sorted(Comparator.comparing(Acknowledgement::createdAt).thenComparing(Acknowledgement::id)).toList();
    }

    @Override
    public List<Acknowledgement> findAll(AccountSid sid, Collection<String> ids) {
        return ids.stream().distinct().map(read().acknowledgements::get)
                .filter(a -> a != null && a.accountSid().equals(sid)).toList();
    }
}
