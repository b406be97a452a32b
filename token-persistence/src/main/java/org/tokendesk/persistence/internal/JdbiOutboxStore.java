package org.tokendesk.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.notice.Delivery;
import org.tokendesk.domain.notice.DeliveryAttempt;
import org.tokendesk.domain.notice.DeliveryStatus;
import org.tokendesk.domain.notice.OutboxStore;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.notifier.spi.StaleUse;
import org.tokendesk.persistence.Dialect;

final class JdbiOutboxStore implements OutboxStore {

    private static final String COLUMNS = "id, account_sid, integration_id, integration_name, channel, type, scope, "
            + "reset_at, reset_by, previous_hint, api_version, status, attempts, retry_step, next_attempt_at, last_error, "
            + "created_at, delivered_at, stale_count, stale_clients, stale_first_seen, stale_last_seen, ack_id, "
            + "old_token_valid_until";

    private final Handle h;
    private final Dialect dialect;

    JdbiOutboxStore(Handle h, Dialect dialect) {
        this.h = h;
        this.dialect = dialect;
    }

    private static final String INSERT = "INSERT INTO deliveries (" + COLUMNS + ") VALUES (:id, :sid, :iid, :iname, "
            + ":channel, :type, :scope, :resetAt, :resetBy, :hint, :apiVersion, :status, :attempts, :step, :next, :error, "
            + ":created, :delivered, :staleCount, :staleClients, :staleFirst, :staleLast, :ackId, :oldValidUntil)";

    /** {@link #INSERT} with positional parameters, in the same order. */
    private static final String INSERT_POSITIONAL = "INSERT INTO deliveries (" + COLUMNS + ") VALUES ("
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Override
    public void insert(Delivery d) {
        bind(h.createUpdate(INSERT), d).execute();
    }

    @Override
    public void insertAll(List<Delivery> deliveries) {
        // one prepared statement, one round trip per batch: a reset of an account with 1,000 integrations
        JdbcBatch.insert(h, INSERT_POSITIONAL, deliveries, (d, v) -> v.text(d.id()).text(d.accountSid().value())
                .text(d.integrationId()).text(d.integrationName()).text(d.channel()).text(d.type())
                .text(d.scope().wireName()).millis(d.resetAt()).text(d.resetBy()).text(d.previousTokenHint())
                .text(d.apiVersion()).text(d.status().wireName()).integer(d.attempts()).integer(d.retryStep())
                .millis(d.nextAttemptAt()).text(d.lastError()).millis(d.createdAt()).millis(d.deliveredAt())
                .integer(d.staleUse() == null ? null : d.staleUse().count())
                .integer(d.staleUse() == null ? null : d.staleUse().clients())
                .millis(d.staleUse() == null ? null : d.staleUse().firstSeenAt())
                .millis(d.staleUse() == null ? null : d.staleUse().lastSeenAt())
                .text(d.ackId()).millis(d.oldTokenValidUntil()));
    }

    private static <S extends SqlStatement<S>> S bind(S statement, Delivery d) {
        return statement.bind("id", d.id()).bind("sid", d.accountSid().value()).bind("iid", d.integrationId())
                .bind("iname", d.integrationName()).bind("channel", d.channel()).bind("type", d.type())
                .bind("scope", d.scope().wireName()).bind("resetAt", d.resetAt().toEpochMilli())
                .bind("resetBy", d.resetBy()).bind("hint", d.previousTokenHint()).bind("apiVersion", d.apiVersion())
                .bind("status", d.status().wireName()).bind("attempts", d.attempts()).bind("step", d.retryStep())
                .bind("next", d.nextAttemptAt().toEpochMilli()).bind("error", d.lastError())
                .bind("created", d.createdAt().toEpochMilli()).bind("delivered", Times.millis(d.deliveredAt()))
                .bind("staleCount", d.staleUse() == null ? null : d.staleUse().count())
                .bind("staleClients", d.staleUse() == null ? null : d.staleUse().clients())
                .bind("staleFirst", d.staleUse() == null ? null : d.staleUse().firstSeenAt().toEpochMilli())
                .bind("staleLast", d.staleUse() == null ? null : d.staleUse().lastSeenAt().toEpochMilli())
                .bind("ackId", d.ackId()).bind("oldValidUntil", Times.millis(d.oldTokenValidUntil()));
    }

    @Override
    public List<Delivery> claimDue(Instant now, int limit, String owner, Instant leaseUntil) {
        // PostgreSQL: rows another node is claiming right now are skipped, not waited for
        String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
        List<String> ids = h.createQuery("SELECT id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= :now "
                + "AND (lease_until IS NULL OR lease_until < :now) ORDER BY next_attempt_at, id LIMIT :limit" + lock)
                .bind("now", now.toEpochMilli()).bind("limit", limit).mapTo(String.class).list();
        List<Delivery> claimed = new ArrayList<>();
        for (String id : ids) {
            h.createUpdate("UPDATE deliveries SET lease_owner = :owner, lease_until = :until WHERE id = :id")
                    .bind("owner", owner).bind("until", leaseUntil.toEpochMilli()).bind("id", id).execute();
            claimed.add(h.createQuery("SELECT " + COLUMNS + " FROM deliveries WHERE id = :id").bind("id", id)
                    .map((rs, ctx) -> delivery(rs)).one());
        }
        return claimed;
    }

    @Override
    public boolean complete(Delivery d, String owner, DeliveryAttempt a) {
        int updated = h.createUpdate("UPDATE deliveries SET status = :status, attempts = :attempts, retry_step = :step, "
                + "next_attempt_at = :next, last_error = :error, delivered_at = :delivered, lease_owner = NULL, "
                + "lease_until = NULL WHERE id = :id AND lease_owner = :owner")
                .bind("status", d.status().wireName()).bind("attempts", d.attempts()).bind("step", d.retryStep())
                .bind("next", d.nextAttemptAt().toEpochMilli()).bind("error", d.lastError())
                .bind("delivered", Times.millis(d.deliveredAt())).bind("id", d.id()).bind("owner", owner).execute();
        if (updated == 0) {
            return false;
        }
        h.createUpdate("INSERT INTO delivery_attempts (delivery_id, number, at, duration_ms, result, detail) "
                + "VALUES (:id, :n, :at, :ms, :result, :detail)").bind("id", a.deliveryId()).bind("n", a.number())
                .bind("at", a.at().toEpochMilli()).bind("ms", a.durationMillis()).bind("result", a.result())
                .bind("detail", a.detail()).execute();
        return true;
    }

    @Override
    public List<Delivery> list(AccountSid sid, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM deliveries WHERE account_sid = :sid "
                + "ORDER BY created_at DESC, id DESC LIMIT :limit").bind("sid", sid.value()).bind("limit", limit)
                .map((rs, ctx) -> delivery(rs)).list();
    }

    @Override
    public Optional<Delivery> find(AccountSid sid, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM deliveries WHERE account_sid = :sid AND id = :id")
                .bind("sid", sid.value()).bind("id", id).map((rs, ctx) -> delivery(rs)).findOne();
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getString("id"), new AccountSid(rs.getString("account_sid")),
                rs.getString("integration_id"), rs.getString("integration_name"), rs.getString("channel"),
                rs.getString("type"), TokenScope.fromWire(rs.getString("scope")).orElseThrow(),
                Times.instant(rs, "reset_at"), rs.getString("reset_by"), rs.getString("previous_hint"),
                rs.getString("api_version"), DeliveryStatus.fromWire(rs.getString("status")), rs.getInt("attempts"),
                rs.getInt("retry_step"), Times.instant(rs, "next_attempt_at"), rs.getString("last_error"),
                Times.instant(rs, "created_at"), Times.instant(rs, "delivered_at"), staleUse(rs),
                rs.getString("ack_id"), Times.instant(rs, "old_token_valid_until"));
    }

    private static StaleUse staleUse(ResultSet rs) throws SQLException {
        int count = rs.getInt("stale_count");
        return rs.wasNull() ? null : new StaleUse(count, rs.getInt("stale_clients"),
                Times.instant(rs, "stale_first_seen"), Times.instant(rs, "stale_last_seen"));
    }

    @Override
    public List<DeliveryAttempt> attempts(String deliveryId) {
        return h.createQuery("SELECT delivery_id, number, at, duration_ms, result, detail FROM delivery_attempts "
                + "WHERE delivery_id = :id ORDER BY number").bind("id", deliveryId)
                .map((rs, ctx) -> new DeliveryAttempt(rs.getString(1), rs.getInt(2), Times.instant(rs, 3), rs.getLong(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    @Override
    public void redeliver(String id, Instant now) {
        h.createUpdate("UPDATE deliveries SET status = 'pending', retry_step = 0, next_attempt_at = :now, "
                + "delivered_at = NULL, lease_owner = NULL, lease_until = NULL WHERE id = :id")
                .bind("now", now.toEpochMilli()).bind("id", id).execute();
    }

    @Override
    public Backlog backlog() {
        return h.createQuery("SELECT COUNT(*), MIN(created_at) FROM deliveries WHERE status = 'pending'")
                .map((rs, ctx) -> new Backlog(rs.getLong(1), Times.instant(rs, 2))).one();
    }
}
