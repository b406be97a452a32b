package org.tokendesk.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.token.TokenKey;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.usage.ClientUse;
import org.tokendesk.domain.usage.HourCount;
import org.tokendesk.domain.usage.SightedClient;
import org.tokendesk.domain.usage.Sighting;
import org.tokendesk.domain.usage.SightingStore;
import org.tokendesk.domain.usage.UseKind;
import org.tokendesk.persistence.Dialect;

final class JdbiSightingStore implements SightingStore {

    private static final long HOUR_MILLIS = 3_600_000L;

    private final Handle h;
    private final Dialect dialect;

    JdbiSightingStore(Handle h, Dialect dialect) {
        this.h = h;
        this.dialect = dialect;
    }

    @Override
    public void add(Collection<Sighting> sightings) {
        // SQLite's two-argument MIN/MAX are PostgreSQL's LEAST/GREATEST
        String least = dialect == Dialect.POSTGRESQL ? "LEAST" : "MIN";
        String greatest = dialect == Dialect.POSTGRESQL ? "GREATEST" : "MAX";
        PreparedBatch batch = h.prepareBatch("INSERT INTO token_uses (kind, account_sid, scope, hour, address, user_agent, "
                + "uri, uses, first_seen, last_seen) VALUES (:kind, :sid, :scope, :hour, :address, :ua, :uri, :uses, "
                + ":first, :last) ON CONFLICT (kind, account_sid, scope, hour, address, user_agent, uri) DO UPDATE SET "
                + "uses = token_uses.uses + excluded.uses, "
                + "first_seen = " + least + "(token_uses.first_seen, excluded.first_seen), "
                + "last_seen = " + greatest + "(token_uses.last_seen, excluded.last_seen)");
        for (Sighting s : sightings) {
            batch.bind("kind", s.kind().wireName()).bind("sid", s.token().accountSid().value())
                    .bind("scope", s.token().scope().wireName())
                    .bind("hour", s.lastSeenAt().truncatedTo(ChronoUnit.HOURS).toEpochMilli())
                    .bind("address", s.client().address()).bind("ua", s.client().userAgent())
                    .bind("uri", s.client().uri()).bind("uses", s.count())
                    .bind("first", s.firstSeenAt().toEpochMilli()).bind("last", s.lastSeenAt().toEpochMilli()).add();
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return h.createUpdate("DELETE FROM token_uses WHERE hour + " + HOUR_MILLIS + " <= :cutoff")
                .bind("cutoff", cutoff.toEpochMilli()).execute();
    }

    @Override
    public List<ClientUse> clients(UseKind kind, AccountSid sid, TokenScope scope, Instant since) {
        return h.createQuery("SELECT address, user_agent, uri, SUM(uses) AS uses, MIN(first_seen) AS first_seen, "
                + "MAX(last_seen) AS last_seen FROM token_uses WHERE kind = :kind AND account_sid = :sid AND scope = :scope "
                + "AND last_seen >= :since GROUP BY address, user_agent, uri ORDER BY MAX(last_seen) DESC, address")
                .bind("kind", kind.wireName()).bind("sid", sid.value()).bind("scope", scope.wireName())
                .bind("since", since.toEpochMilli())
                .map((rs, ctx) -> clientUse(rs)).list();
    }

    private static ClientUse clientUse(ResultSet rs) throws SQLException {
        return new ClientUse(new SightedClient(rs.getString("address"), rs.getString("user_agent"), rs.getString("uri")),
                rs.getLong("uses"), Times.instant(rs, "first_seen"), Times.instant(rs, "last_seen"));
    }

    @Override
    public List<HourCount> hourly(UseKind kind, AccountSid sid, TokenScope scope, Instant since) {
        return h.createQuery("SELECT hour, SUM(uses) FROM token_uses WHERE kind = :kind AND account_sid = :sid "
                + "AND scope = :scope AND last_seen >= :since GROUP BY hour ORDER BY hour")
                .bind("kind", kind.wireName()).bind("sid", sid.value()).bind("scope", scope.wireName())
                .bind("since", since.toEpochMilli())
                .map((rs, ctx) -> new HourCount(Times.instant(rs, 1), rs.getLong(2))).list();
    }

    @Override
    public List<TokenKey> sightedSince(UseKind kind, Instant since) {
        return h.createQuery("SELECT DISTINCT account_sid, scope FROM token_uses WHERE kind = :kind AND last_seen >= :since "
                + "ORDER BY account_sid, scope")
                .bind("kind", kind.wireName()).bind("since", since.toEpochMilli())
                .map((rs, ctx) -> new TokenKey(new AccountSid(rs.getString(1)),
                        TokenScope.fromWire(rs.getString(2)).orElseThrow()))
                .list();
    }

    @Override
    public boolean claimReminder(String integrationId, TokenScope scope, Instant now, Instant notBefore) {
        // one statement: the insert or the conditional update wins for exactly one of two racing nodes
        return h.createUpdate("INSERT INTO stale_use_reminders (integration_id, scope, reminded_at) "
                + "VALUES (:id, :scope, :now) ON CONFLICT (integration_id, scope) DO UPDATE "
                + "SET reminded_at = excluded.reminded_at WHERE stale_use_reminders.reminded_at < :notBefore")
                .bind("id", integrationId).bind("scope", scope.wireName()).bind("now", now.toEpochMilli())
                .bind("notBefore", notBefore.toEpochMilli()).execute() == 1;
    }
}
