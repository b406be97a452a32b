package org.tokendesk.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tokendesk.domain.operator.ManagementKey;
import org.tokendesk.domain.operator.ManagementKeyStore;
import org.tokendesk.domain.secret.TokenHash;

final class JdbiManagementKeyStore implements ManagementKeyStore {

    private static final String SELECT =
            "SELECT id, operator_id, name, key_hash, hint, created_at, last_used_at FROM management_keys ";

    private final Handle h;

    JdbiManagementKeyStore(Handle h) {
        this.h = h;
    }

    @Override
    public void insert(ManagementKey k) {
        h.createUpdate("INSERT INTO management_keys (id, operator_id, name, key_hash, hint, created_at, last_used_at) "
                + "VALUES (:id, :op, :name, :hash, :hint, :at, NULL)").bind("id", k.id()).bind("op", k.operatorId())
                .bind("name", k.name()).bind("hash", k.keyHash().bytes()).bind("hint", k.hint())
                .bind("at", k.createdAt().toEpochMilli()).execute();
    }

    @Override
    public List<ManagementKey> listFor(String operatorId) {
        return h.createQuery(SELECT + "WHERE operator_id = :op ORDER BY created_at, id").bind("op", operatorId)
                .map((rs, ctx) -> key(rs)).list();
    }

    @Override
    public boolean delete(String keyId, String operatorId) {
        return h.createUpdate("DELETE FROM management_keys WHERE id = :id AND operator_id = :op").bind("id", keyId)
                .bind("op", operatorId).execute() > 0;
    }

    @Override
    public Optional<ManagementKey> findByHash(TokenHash keyHash) {
        return h.createQuery(SELECT + "WHERE key_hash = :hash").bind("hash", keyHash.bytes())
                .map((rs, ctx) -> key(rs)).findOne();
    }

    private static ManagementKey key(ResultSet rs) throws SQLException {
        return new ManagementKey(rs.getString("id"), rs.getString("operator_id"), rs.getString("name"),
                new TokenHash(rs.getBytes("key_hash")), rs.getString("hint"), Times.instant(rs, "created_at"),
                Times.instant(rs, "last_used_at"));
    }

    @Override
    public void touch(String keyId, Instant lastUsedAt) {
        h.createUpdate("UPDATE management_keys SET last_used_at = :at WHERE id = :id").bind("at", lastUsedAt.toEpochMilli())
                .bind("id", keyId).execute();
    }
}
