package org.tokendesk.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.notice.Acknowledgement;
import org.tokendesk.domain.notice.AcknowledgementStore;
import org.tokendesk.domain.token.TokenScope;

final class JdbiAcknowledgementStore implements AcknowledgementStore {

    private static final String COLUMNS = "id, account_sid, integration_id, scope, reset_at, created_at, acknowledged_at";

    private final Handle h;

    JdbiAcknowledgementStore(Handle h) {
        this.h = h;
    }

    @Override
    public void insertAll(List<Acknowledgement> acknowledgements) {
        JdbcBatch.insert(h, "INSERT INTO acknowledgements (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                acknowledgements, (a, v) -> v.text(a.id()).text(a.accountSid().value()).text(a.integrationId())
                        .text(a.scope().wireName()).millis(a.resetAt()).millis(a.createdAt()).millis(a.acknowledgedAt()));
    }

    @Override
    public Optional<Acknowledgement> find(String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM acknowledgements WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> acknowledgement(rs)).findOne();
    }

    @Override
    public boolean acknowledge(String id, Instant at) {
        // conditional: a concurrent second use (on PostgreSQL it waits for the first one's row lock,
        // then sees the value set) updates nothing
        return h.createUpdate("UPDATE acknowledgements SET acknowledged_at = :at WHERE id = :id "
                + "AND acknowledged_at IS NULL").bind("at", at.toEpochMilli()).bind("id", id).execute() == 1;
    }

    @Override
    public List<Acknowledgement> forReset(AccountSid sid, TokenScope scope, Instant resetAt) {
        return h.createQuery("SELECT " + COLUMNS + " FROM acknowledgements WHERE account_sid = :sid AND scope = :scope "
                + "AND reset_at = :resetAt ORDER BY created_at, id").bind("sid", sid.value())
                .bind("scope", scope.wireName()).bind("resetAt", resetAt.toEpochMilli())
                .map((rs, ctx) -> acknowledgement(rs)).list();
    }

    @Override
    public List<Acknowledgement> findAll(AccountSid sid, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT " + COLUMNS + " FROM acknowledgements WHERE account_sid = :sid AND id IN (<ids>)")
                .bind("sid", sid.value()).bindList("ids", List.copyOf(ids)).map((rs, ctx) -> acknowledgement(rs)).list();
    }

    private static Acknowledgement acknowledgement(ResultSet rs) throws SQLException {
        return new Acknowledgement(rs.getString("id"), new AccountSid(rs.getString("account_sid")),
                rs.getString("integration_id"), TokenScope.fromWire(rs.getString("scope")).orElseThrow(),
                Times.instant(rs, "reset_at"), Times.instant(rs, "created_at"), Times.instant(rs, "acknowledged_at"));
    }
}
