package org.tokendesk.domain.token;

import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.secret.AuthTokenHasher;
import org.tokendesk.domain.secret.Secret;
import org.tokendesk.domain.secret.SecretCipher;
import org.tokendesk.domain.secret.SecretGenerator;
import org.tokendesk.domain.secret.TokenHash;

/**
 * Creates new Auth Tokens and what is stored of them: the keyed hash, and the ciphertext only
 * while re-display is on.
 */
public final class TokenIssuer {

    private final SecretGenerator random;
    private final AuthTokenHasher hasher;
    private final SecretCipher cipher;
    private final boolean redisplay;

    public TokenIssuer(SecretGenerator random, AuthTokenHasher hasher, SecretCipher cipher, boolean redisplay) {
        this.random = random;
        this.hasher = hasher;
        this.cipher = cipher;
        this.redisplay = redisplay;
    }

    public Issued issue(AccountSid sid, TokenScope scope) {
        return seal(sid, scope, AuthTokenFormat.generate(scope, random));
    }

    /** For imports: keeps the token's original value. */
    public Issued seal(AccountSid sid, TokenScope scope, String token) {
        byte[] ciphertext = redisplay ? cipher.encrypt(token, associatedData(sid, scope)) : null;
        return new Issued(new Secret(token), hasher.hash(token), ciphertext, Secret.hintOf(token));
    }

    public String reveal(StoredToken token) {
        return cipher.decrypt(token.ciphertext(), associatedData(token.accountSid(), token.scope()));
    }

    public boolean redisplay() {
        return redisplay;
    }

    /** Binds a ciphertext to its account and scope. */
    public static String associatedData(AccountSid sid, TokenScope scope) {
        return "auth-token:" + sid.value() + ":" + scope.wireName();
    }

    /**
     * A new token and what is stored of it.
     *
     * @param token the token, to show once
     * @param hash keyed hash
     * @param ciphertext ciphertext, or null when re-display is off
     * @param hint hint
     */
    public record Issued(Secret token, TokenHash hash, byte[] ciphertext, String hint) {

        @Override
        public String toString() {
            return "Issued[hint=" + hint + "]";
        }
    }
}
