package org.tokendesk.domain.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.secret.TokenHash;

/** Port: legacy token cards, current tokens and the history of reset ones. */
public interface TokenStore {

    void insertCard(CardRecord card);

    Optional<CardRecord> findCard(AccountSid sid);

    void updateApiVersion(AccountSid sid, String apiVersion);

    void insertToken(StoredToken token);

    /** Both current tokens of the card. */
    List<StoredToken> tokens(AccountSid sid);

    /**
     * Reads one current token and locks its row until the transaction ends, so concurrent resets
     * of the same scope run one after another.
     */
    Optional<StoredToken> lockToken(AccountSid sid, TokenScope scope);

    /** Replaces the current token after a reset: new hash, ciphertext and hint; not used yet. */
    void replaceToken(AccountSid sid, TokenScope scope, TokenHash hash, byte[] ciphertext, String hint,
            Instant resetAt);

    void insertHistory(InvalidatedToken token);

    /** The current token with this hash, if any (the credential check). */
    Optional<ActiveCredential> findActive(TokenHash hash);

    /** The latest reset of this scope of the account, if it was ever reset. */
    Optional<InvalidatedToken> latestReset(AccountSid sid, TokenScope scope);

    /**
     * The latest reset token of this account with this hash, if it ever was reset: when, and until
     * when its grace period runs. One query, asked only when {@link #findActive} missed.
     */
    Optional<FormerToken> findFormer(AccountSid sid, TokenHash hash);

    /**
     * Ends every grace period of this scope that runs at {@code now}: its end becomes {@code now}.
     *
     * @return whether one was running
     */
    boolean endGrace(AccountSid sid, TokenScope scope, Instant now);

    /** Per scope, the end of the grace period that runs at {@code now}; scopes without one are absent. */
    Map<TokenScope, Instant> graceEnds(AccountSid sid, Instant now);

    /**
     * Raises {@code lastUsedAt} to the given times (never lowers it). A time before the token's
     * last reset belongs to the previous token and is ignored.
     */
    void recordUse(Map<TokenKey, Instant> lastUsed);

    /** Every stored ciphertext, for master key rotation. */
    List<StoredToken> allTokens();

    /**
     * Replaces only the ciphertext of a current token (master key rotation): hash, hint and dates
     * stay as they are.
     */
    void replaceCiphertext(AccountSid sid, TokenScope scope, byte[] ciphertext);
}
