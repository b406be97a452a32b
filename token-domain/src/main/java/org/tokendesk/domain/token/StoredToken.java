package org.tokendesk.domain.token;

import java.time.Instant;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.secret.TokenHash;

/**
 * One current Auth Token as stored: keyed hash, optional ciphertext for re-display, hint, dates.
 *
 * @param accountSid the account
 * @param scope which of the two tokens
 * @param hash keyed hash of the token
 * @param ciphertext AES-GCM ciphertext, or null when re-display is off
 * @param hint {@code …} and the last four characters
 * @param createdAt when the card's token was first created
 * @param lastResetAt last reset, or null
 * @param lastUsedAt last passing check (coalesced), or null
 */
public record StoredToken(AccountSid accountSid, TokenScope scope, TokenHash hash, byte[] ciphertext, String hint,
        Instant createdAt, Instant lastResetAt, Instant lastUsedAt) {

    @Override
    public String toString() {
        return "StoredToken[" + accountSid + ", " + scope.wireName() + ", hint=" + hint + "]";
    }
}
