package org.tokendesk.domain.operator;

import java.time.Instant;
import java.util.Optional;
import org.tokendesk.domain.secret.TokenHash;

/** Port: cookie sessions, in the database so that any node can serve any request. */
public interface SessionStore {

    void insert(SessionRecord session);

    Optional<SessionRecord> find(TokenHash idHash);

    void touch(TokenHash idHash, Instant lastSeenAt);

    void delete(TokenHash idHash);

    void deleteAllOf(String operatorId);

    /** Removes sessions started before {@code createdBefore} or idle since {@code idleBefore}. */
    int deleteExpired(Instant createdBefore, Instant idleBefore);
}
