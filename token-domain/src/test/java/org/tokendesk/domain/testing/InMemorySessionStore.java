package org.tokendesk.domain.testing;

import java.time.Instant;
import java.util.Optional;
import org.tokendesk.domain.operator.SessionRecord;
import org.tokendesk.domain.operator.SessionStore;
import org.tokendesk.domain.secret.TokenHash;

/** Cookie sessions by the hash of their id. */
final class InMemorySessionStore extends StoreBase implements SessionStore {

    InMemorySessionStore(InMemoryState state, boolean writable) {
        super(state, writable);
    }

    @Override
    public void insert(SessionRecord session) {
        if (write().sessions.putIfAbsent(session.idHash(), session) != null) {
            throw new IllegalStateException("duplicate session");
        }
    }

    @Override
    public Optional<SessionRecord> find(TokenHash idHash) {
        return Optional.ofNullable(read().sessions.get(idHash));
    }

    @Override
    public void touch(TokenHash idHash, Instant lastSeenAt) {
        SessionRecord s = read().sessions.get(idHash);
        if (s != null) {
            write().sessions.put(idHash, new SessionRecord(s.idHash(), s.operatorId(), s.csrfHash(), s.createdAt(),
                    lastSeenAt));
        }
    }

    @Override
    public void delete(TokenHash idHash) {
        write().sessions.remove(idHash);
    }

    @Override
    public void deleteAllOf(String operatorId) {
        write().sessions.values().removeIf(s -> s.operatorId().equals(operatorId));
    }

    @Override
    public int deleteExpired(Instant createdBefore, Instant idleBefore) {
        int before = read().sessions.size();
        write().sessions.values().removeIf(s -> s.createdAt().isBefore(createdBefore) || s.lastSeenAt().isBefore(idleBefore));
        return before - read().sessions.size();
    }
}
