package org.tokendesk.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.token.ScheduledReset;
import org.tokendesk.domain.token.ScheduledResetStore;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.persistence.Dialect;

final class JdbiScheduledResetStore implements ScheduledResetStore {

    private static final String COLUMNS = "account_sid, scope, due_at, old_token_valid_for, scheduled_by, scheduled_at";

    private final Handle h;
    private final Dialect dialect;

    JdbiScheduledResetStore(Handle h, Dialect dialect) {
        this.h = h;
        this.dialect = dialect;
    }

    @Override
    public boolean insert(ScheduledReset reset) {
        // the primary key decides between two concurrent schedules of one scope; the loser inserts nothing
        return h.createUpdate("INSERT INTO scheduled_resets (" + COLUMNS + ") VALUES (:sid, :scope, :due, :grace, "
                + ":by, :at) ON CONFLICT (account_sid, scope) DO NOTHING")
                .bind("sid", reset.accountSid().value()).bind("scope", reset.scope().wireName())
                .bind("due", reset.at().toEpochMilli()).bind("grace", reset.oldTokenValidFor().toMillis())
                .bind("by", reset.scheduledBy()).bind("at", reset.scheduledAt().toEpochMilli()).execute() == 1;
    }

    @Override
    public List<ScheduledReset> pending(AccountSid sid) {
        return h.createQuery("SELECT " + COLUMNS + " FROM scheduled_resets WHERE account_sid = :sid ORDER BY scope")
                .bind("sid", sid.value()).map((rs, ctx) -> scheduled(rs)).list();
    }

    @Override
    public Optional<ScheduledReset> delete(AccountSid sid, TokenScope scope) {
        // the row lock (PostgreSQL) makes a cancel that meets a running reset wait, then find nothing
        Optional<ScheduledReset> pending = h.createQuery("SELECT " + COLUMNS + " FROM scheduled_resets "
                + "WHERE account_sid = :sid AND scope = :scope" + dialect.forUpdate()).bind("sid", sid.value())
                .bind("scope", scope.wireName()).map((rs, ctx) -> scheduled(rs)).findOne();
        pending.ifPresent(this::remove);
        return pending;
    }

    @Override
    public Optional<ScheduledReset> claimDue(Instant now) {
        String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        Optional<ScheduledReset> due = h.createQuery("SELECT " + COLUMNS + " FROM scheduled_resets "
                + "WHERE due_at <= :now ORDER BY due_at, account_sid, scope LIMIT 1" + lock)
                .bind("now", now.toEpochMilli()).map((rs, ctx) -> scheduled(rs)).findOne();
        due.ifPresent(this::remove);
        return due;
    }

    private void remove(ScheduledReset reset) {
        int deleted = h.createUpdate("DELETE FROM scheduled_resets WHERE account_sid = :sid AND scope = :scope")
                .bind("sid", reset.accountSid().value()).bind("scope", reset.scope().wireName()).execute();
        if (deleted != 1) {
            // cannot happen while the row is locked (PostgreSQL) or the database is (SQLite)
            throw new IllegalStateException("scheduled reset of " + reset.accountSid() + " vanished while locked");
        }
    }

    private static ScheduledReset scheduled(ResultSet rs) throws SQLException {
        return new ScheduledReset(new AccountSid(rs.getString("account_sid")),
                TokenScope.fromWire(rs.getString("scope")).orElseThrow(), Times.instant(rs, "due_at"),
                Duration.ofMillis(rs.getLong("old_token_valid_for")), rs.getString("scheduled_by"),
                Times.instant(rs, "scheduled_at"));
    }
}
