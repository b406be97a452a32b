package org.tokendesk.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.secret.TokenHash;
import org.tokendesk.domain.token.ActiveCredential;
import org.tokendesk.domain.token.CardRecord;
import org.tokendesk.domain.token.FormerToken;
import org.tokendesk.domain.token.InvalidatedToken;
import org.tokendesk.domain.token.StoredToken;
import org.tokendesk.domain.token.TokenKey;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.token.TokenStore;
import org.tokendesk.persistence.Dialect;

final class JdbiTokenStore implements TokenStore {

    private static final String TOKEN_COLUMNS =
            "account_sid, scope, token_hash, ciphertext, hint, created_at, last_reset_at, last_used_at";

    private final Handle h;
    private final Dialect dialect;

    JdbiTokenStore(Handle h, Dialect dialect) {
        this.h = h;
        this.dialect = dialect;
    }

    @Override
    public void insertCard(CardRecord card) {
        h.createUpdate("INSERT INTO legacy_token_cards (account_sid, api_version, legacy, created_at) "
                + "VALUES (:sid, :v, :legacy, :at)").bind("sid", card.accountSid().value())
                .bind("v", card.apiVersion()).bind("legacy", card.legacy())
                .bind("at", card.createdAt().toEpochMilli()).execute();
    }

    @Override
    public Optional<CardRecord> findCard(AccountSid sid) {
        return h.createQuery("SELECT account_sid, api_version, legacy, created_at FROM legacy_token_cards "
                + "WHERE account_sid = :sid").bind("sid", sid.value())
                .map((rs, ctx) -> new CardRecord(sid, rs.getString("api_version"), rs.getBoolean("legacy"),
                        Times.instant(rs, "created_at")))
                .findOne();
    }

    @Override
    public void updateApiVersion(AccountSid sid, String apiVersion) {
        h.createUpdate("UPDATE legacy_token_cards SET api_version = :v WHERE account_sid = :sid")
                .bind("v", apiVersion).bind("sid", sid.value()).execute();
    }

    @Override
    public void insertToken(StoredToken t) {
        h.createUpdate("INSERT INTO auth_tokens (" + TOKEN_COLUMNS + ") VALUES "
                + "(:sid, :scope, :hash, :c, :hint, :created, :reset, :used)")
                .bind("sid", t.accountSid().value()).bind("scope", t.scope().wireName())
                .bind("hash", t.hash().bytes()).bind("c", t.ciphertext()).bind("hint", t.hint())
                .bind("created", t.createdAt().toEpochMilli()).bind("reset", Times.millis(t.lastResetAt()))
                .bind("used", Times.millis(t.lastUsedAt())).execute();
    }

    @Override
    public List<StoredToken> tokens(AccountSid sid) {
        return h.createQuery("SELECT " + TOKEN_COLUMNS + " FROM auth_tokens WHERE account_sid = :sid ORDER BY scope DESC")
                .bind("sid", sid.value()).map((rs, ctx) -> token(rs)).list();
    }

    @Override
    public Optional<StoredToken> lockToken(AccountSid sid, TokenScope scope) {
        return h.createQuery("SELECT " + TOKEN_COLUMNS + " FROM auth_tokens WHERE account_sid = :sid AND scope = :scope"
                + dialect.forUpdate()).bind("sid", sid.value()).bind("scope", scope.wireName())
                .map((rs, ctx) -> token(rs)).findOne();
    }

    private static StoredToken token(ResultSet rs) throws SQLException {
        return new StoredToken(new AccountSid(rs.getString("account_sid")),
                TokenScope.fromWire(rs.getString("scope")).orElseThrow(), new TokenHash(rs.getBytes("token_hash")),
                rs.getBytes("ciphertext"), rs.getString("hint"), Times.instant(rs, "created_at"),
                Times.instant(rs, "last_reset_at"), Times.instant(rs, "last_used_at"));
    }

    @Override
    public void replaceToken(AccountSid sid, TokenScope scope, TokenHash hash, byte[] ciphertext, String hint,
            Instant resetAt) {
        h.createUpdate("UPDATE auth_tokens SET token_hash = :hash, ciphertext = :c, hint = :hint, last_reset_at = :at, "
                + "last_used_at = NULL "
                + "WHERE account_sid = :sid AND scope = :scope").bind("hash", hash.bytes()).bind("c", ciphertext)
                .bind("hint", hint).bind("at", resetAt.toEpochMilli()).bind("sid", sid.value())
                .bind("scope", scope.wireName()).execute();
    }

    @Override
    public void insertHistory(InvalidatedToken t) {
        h.createUpdate("INSERT INTO token_history (account_sid, scope, token_hash, hint, invalidated_at, invalidated_by, "
                + "valid_until) VALUES (:sid, :scope, :hash, :hint, :at, :by, :until)")
                .bind("sid", t.accountSid().value())
                .bind("scope", t.scope().wireName()).bind("hash", t.hash().bytes()).bind("hint", t.hint())
                .bind("at", t.invalidatedAt().toEpochMilli()).bind("by", t.invalidatedBy())
                .bind("until", Times.millis(t.validUntil())).execute();
    }

    @Override
    public Optional<ActiveCredential> findActive(TokenHash hash) {
        return h.createQuery("SELECT t.account_sid, t.scope, c.api_version FROM auth_tokens t "
                + "JOIN legacy_token_cards c ON c.account_sid = t.account_sid WHERE t.token_hash = :hash")
                .bind("hash", hash.bytes())
                .map((rs, ctx) -> new ActiveCredential(new AccountSid(rs.getString(1)),
                        TokenScope.fromWire(rs.getString(2)).orElseThrow(), rs.getString(3)))
                .findOne();
    }

    @Override
    public Optional<InvalidatedToken> latestReset(AccountSid sid, TokenScope scope) {
        return h.createQuery("SELECT token_hash, hint, invalidated_at, invalidated_by, valid_until FROM token_history "
                + "WHERE account_sid = :sid AND scope = :scope ORDER BY invalidated_at DESC, id DESC LIMIT 1")
                .bind("sid", sid.value()).bind("scope", scope.wireName())
                .map((rs, ctx) -> new InvalidatedToken(sid, scope, new TokenHash(rs.getBytes("token_hash")),
                        rs.getString("hint"), Times.instant(rs, "invalidated_at"), rs.getString("invalidated_by"),
                        Times.instant(rs, "valid_until")))
                .findOne();
    }

    @Override
    public Optional<FormerToken> findFormer(AccountSid sid, TokenHash hash) {
        return h.createQuery("SELECT h.scope, h.invalidated_at, h.valid_until, c.api_version FROM token_history h "
                + "JOIN legacy_token_cards c ON c.account_sid = h.account_sid "
                + "WHERE h.account_sid = :sid AND h.token_hash = :hash ORDER BY h.invalidated_at DESC, h.id DESC LIMIT 1")
                .bind("hash", hash.bytes()).bind("sid", sid.value())
                .map((rs, ctx) -> new FormerToken(sid, TokenScope.fromWire(rs.getString("scope")).orElseThrow(),
                        Times.instant(rs, "invalidated_at"), Times.instant(rs, "valid_until"),
                        rs.getString("api_version")))
                .findOne();
    }

    @Override
    public boolean endGrace(AccountSid sid, TokenScope scope, Instant now) {
        return h.createUpdate("UPDATE token_history SET valid_until = :now "
                + "WHERE account_sid = :sid AND scope = :scope AND valid_until > :now")
                .bind("now", now.toEpochMilli()).bind("sid", sid.value()).bind("scope", scope.wireName())
                .execute() > 0;
    }

    @Override
    public Map<TokenScope, Instant> graceEnds(AccountSid sid, Instant now) {
        Map<TokenScope, Instant> ends = new EnumMap<>(TokenScope.class);
        h.createQuery("SELECT scope, MAX(valid_until) AS until FROM token_history "
                + "WHERE account_sid = :sid AND valid_until > :now GROUP BY scope")
                .bind("sid", sid.value()).bind("now", now.toEpochMilli())
                .map((rs, ctx) -> Map.entry(TokenScope.fromWire(rs.getString("scope")).orElseThrow(),
                        Times.instant(rs, "until")))
                .forEach(e -> ends.put(e.getKey(), e.getValue()));
        return ends;
    }

    @Override
    public void recordUse(Map<TokenKey, Instant> lastUsed) {
        PreparedBatch batch = h.prepareBatch("UPDATE auth_tokens SET last_used_at = :at WHERE account_sid = :sid "
                + "AND scope = :scope AND (last_used_at IS NULL OR last_used_at < :at) "
                + "AND (last_reset_at IS NULL OR last_reset_at <= :at)");
        lastUsed.forEach((key, at) -> batch.bind("at", at.toEpochMilli()).bind("sid", key.accountSid().value())
                .bind("scope", key.scope().wireName()).add());
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    @Override
    public void replaceCiphertext(AccountSid sid, TokenScope scope, byte[] ciphertext) {
        h.createUpdate("UPDATE auth_tokens SET ciphertext = :c WHERE account_sid = :sid AND scope = :scope")
                .bind("c", ciphertext).bind("sid", sid.value()).bind("scope", scope.wireName()).execute();
    }

    @Override
    public List<StoredToken> allTokens() {
        return h.createQuery("SELECT " + TOKEN_COLUMNS + " FROM auth_tokens ORDER BY account_sid, scope")
                .map((rs, ctx) -> token(rs)).list();
    }
}
