package org.tokendesk.domain.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * Cards, current tokens and reset history. A replaced token keeps the card's {@code createdAt},
 * gets {@code lastResetAt} and starts without {@code lastUsedAt}; {@code recordUse} only raises.
 */
final class InMemoryTokenStore extends StoreBase implements TokenStore {

    InMemoryTokenStore(InMemoryState state, boolean writable) {
        super(state, writable);
    }

    @Override
    public void insertCard(CardRecord card) {
        if (write().cards.putIfAbsent(card.accountSid(), card) != null) {
            throw new IllegalStateException("duplicate card " + card.accountSid());
        }
    }

    @Override
    public Optional<CardRecord> findCard(AccountSid sid) {
        return Optional.ofNullable(read().cards.get(sid));
    }

    @Override
    public void updateApiVersion(AccountSid sid, String apiVersion) {
        CardRecord card = existing(read().cards.get(sid));
        write().cards.put(sid, new CardRecord(sid, apiVersion, card.legacy(), card.createdAt()));
    }

    @Override
    public void insertToken(StoredToken token) {
        TokenKey key = new TokenKey(token.accountSid(), token.scope());
        if (!read().cards.containsKey(token.accountSid()) || read().tokens.containsKey(key)) {
            throw new IllegalStateException("no card or duplicate token " + key);
        }
        write().tokens.put(key, copy(token, token.hash(), token.ciphertext(), token.hint(), token.lastResetAt(),
                token.lastUsedAt()));
    }

    @Override
    public List<StoredToken> tokens(AccountSid sid) {
        return read().tokens.values().stream()
                .filter(t -> t.accountSid().equals(sid))
                .sorted(Comparator.comparing(StoredToken::scope))
                .toList();
    }

    @Override
    public Optional<StoredToken> lockToken(AccountSid sid, TokenScope scope) {
        write(); // a lock only makes sense in a write transaction
        return Optional.ofNullable(read().tokens.get(new TokenKey(sid, scope)));
    }

    @Override
    public void replaceToken(AccountSid sid, TokenScope scope, TokenHash hash, byte[] ciphertext, String hint,
            Instant resetAt) {
        TokenKey key = new TokenKey(sid, scope);
        StoredToken old = existing(read().tokens.get(key));
        write().tokens.put(key, copy(old, hash, ciphertext, hint, resetAt, null));
    }

    @Override
    public void insertHistory(InvalidatedToken token) {
        write().history.add(token);
    }

    @Override
    public Optional<ActiveCredential> findActive(TokenHash hash) {
        return read().tokens.values().stream()
                .filter(t -> t.hash().equals(hash))
                .findFirst()
                .map(t -> new ActiveCredential(t.accountSid(), t.scope(), read().cards.get(t.accountSid()).apiVersion()));
    }

    @Override
    public Optional<InvalidatedToken> latestReset(AccountSid sid, TokenScope scope) {
        return read().history.stream()
                .filter(h -> h.accountSid().equals(sid) && h.scope() == scope)
                .max(Comparator.comparing(InvalidatedToken::invalidatedAt));
    }

    @Override
    public Optional<FormerToken> findFormer(AccountSid sid, TokenHash hash) {
        return read().history.stream()
                .filter(h -> h.accountSid().equals(sid) && h.hash().equals(hash))
                .max(Comparator.comparing(InvalidatedToken::invalidatedAt))
                .map(h -> new FormerToken(sid, h.scope(), h.invalidatedAt(), h.validUntil(),
                        read().cards.get(sid).apiVersion()));
    }

    @Override
    public boolean endGrace(AccountSid sid, TokenScope scope, Instant now) {
        boolean ended = false;
        List<InvalidatedToken> history = read().history;
        for (int i = 0; i < history.size(); i++) {
            InvalidatedToken h = history.get(i);
            if (h.accountSid().equals(sid) && h.scope() == scope && h.validUntil() != null
                    && h.validUntil().isAfter(now)) {
                write().history.set(i, new InvalidatedToken(sid, scope, h.hash(), h.hint(), h.invalidatedAt(),
                        h.invalidatedBy(), now));
                ended = true;
            }
        }
        return ended;
    }

    @Override
    public Map<TokenScope, Instant> graceEnds(AccountSid sid, Instant now) {
        Map<TokenScope, Instant> ends = new EnumMap<>(TokenScope.class);
        for (InvalidatedToken h : read().history) {
            if (h.accountSid().equals(sid) && h.validUntil() != null && h.validUntil().isAfter(now)) {
                ends.merge(h.scope(), h.validUntil(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return ends;
    }

    @Override
    public void recordUse(Map<TokenKey, Instant> lastUsed) {
        lastUsed.forEach((key, at) -> {
            StoredToken token = read().tokens.get(key);
            if (token != null && (token.lastUsedAt() == null || token.lastUsedAt().isBefore(at))
                    && (token.lastResetAt() == null || !token.lastResetAt().isAfter(at))) {
                write().tokens.put(key, copy(token, token.hash(), token.ciphertext(), token.hint(),
                        token.lastResetAt(), at));
            }
        });
    }

    @Override
    public List<StoredToken> allTokens() {
        return List.copyOf(read().tokens.values());
    }

    @Override
    public void replaceCiphertext(AccountSid sid, TokenScope scope, byte[] ciphertext) {
        TokenKey key = new TokenKey(sid, scope);
        StoredToken old = existing(read().tokens.get(key));
        write().tokens.put(key, copy(old, old.hash(), ciphertext, old.hint(), old.lastResetAt(), old.lastUsedAt()));
    }

    private static StoredToken copy(StoredToken t, TokenHash hash, byte[] ciphertext, String hint, Instant lastResetAt,
            Instant lastUsedAt) {
        return new StoredToken(t.accountSid(), t.scope(), hash, ciphertext == null ? null : ciphertext.clone(), hint,
                t.createdAt(), lastResetAt, lastUsedAt);
    }

    private static <T> T existing(T row) {
        if (row == null) {
            throw new IllegalStateException("no such row");
        }
        return row;
    }
}
