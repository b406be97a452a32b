package org.tokendesk.persistence.internal;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tokendesk.domain.operator.SessionRecord;
import org.tokendesk.domain.operator.SessionStore;
import org.tokendesk.domain.secret.TokenHash;

final class JdbiSessionStore implements SessionStore {

    private final Handle h;

    JdbiSessionStore(Handle h) {
        this.h = h;
    }

    @Override
    public void insert(SessionRecord s) {
        h.createUpdate("INSERT INTO sessions (id_hash, operator_id, csrf_hash, created_at, last_seen_at) "
                + "VALUES (:id, :op, :csrf, :created, :seen)").bind("id", s.idHash().bytes()).bind("op", s.operatorId())
                .bind("csrf", s.csrfHash().bytes()).bind("created", s.createdAt().toEpochMilli())
                .bind("seen", s.lastSeenAt().toEpochMilli()).execute();
    }

    @Override
    public Optional<SessionRecord> find(TokenHash idHash) {
        return h.createQuery("SELECT operator_id, csrf_hash, created_at, last_seen_at FROM sessions WHERE id_hash = :id")
                .bind("id", idHash.bytes())
                .map((rs, ctx) -> new SessionRecord(idHash, rs.getString("operator_id"),
                        new TokenHash(rs.getBytes("csrf_hash")), Times.instant(rs, "created_at"),
                        Times.instant(rs, "last_seen_at")))
                .findOne();
    }

    @Override
    public void touch(TokenHash idHash, Instant lastSeenAt) {
        h.createUpdate("UPDATE sessions SET last_seen_at = :at WHERE id_hash = :id AND last_seen_at < :at")
                .bind("at", lastSeenAt.toEpochMilli()).bind("id", idHash.bytes()).execute();
    }

    @Override
    public void delete(TokenHash idHash) {
        h.createUpdate("DELETE FROM sessions WHERE id_hash = :id").bind("id", idHash.bytes()).execute();
    }

    @Override
    public void deleteAllOf(String operatorId) {
        h.createUpdate("DELETE FROM sessions WHERE operator_id = :op").bind("op", operatorId).execute();
    }

    @Override
    public int deleteExpired(Instant createdBefore, Instant idleBefore) {
        return h.createUpdate("DELETE FROM sessions WHERE created_at < :created OR last_seen_at < :idle")
                .bind("created", createdBefore.toEpochMilli()).bind("idle", idleBefore.toEpochMilli()).execute();
    }
}
