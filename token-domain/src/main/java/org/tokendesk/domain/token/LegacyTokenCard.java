package org.tokendesk.domain.token;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.usage.StaleUse;

/**
 * What the token card shows: no secret, hints only.
 *
 * @param accountSid the account
 * @param legacy whether the tokens are legacy
 * @param apiVersion the bound API version
 * @param availableApiVersions the versions it may be changed to
 * @param createdAt when enabled
 * @param readWrite the read/write token's state
 * @param readOnly the read-only token's state
 */
public record LegacyTokenCard(AccountSid accountSid, boolean legacy, String apiVersion,
        List<String> availableApiVersions, Instant createdAt, TokenState readWrite, TokenState readOnly) {

    /**
     * One token's public state.
     *
     * @param hint {@code …} and the last four characters
     * @param createdAt when created
     * @param lastResetAt last reset, or null
     * @param lastUsedAt last passing check, or null
     * @param staleUse old-token sightings of the last {@link StaleUse#WINDOW}, or null when none
     * @param oldTokenValidUntil until when the previous token still passes checks, or null
     * @param scheduledResetAt when a scheduled reset of this token is due, or null
     */
    public record TokenState(String hint, Instant createdAt, Instant lastResetAt, Instant lastUsedAt,
            StaleUse staleUse, Instant oldTokenValidUntil, Instant scheduledResetAt) {

        static TokenState of(StoredToken token, StaleUse staleUse, Instant oldTokenValidUntil,
                Instant scheduledResetAt) {
            return new TokenState(token.hint(), token.createdAt(), token.lastResetAt(), token.lastUsedAt(),
                    staleUse, oldTokenValidUntil, scheduledResetAt);
        }
    }

    static LegacyTokenCard of(CardRecord card, List<String> available, List<StoredToken> tokens,
            Map<TokenScope, StaleUse> staleUse, Map<TokenScope, Instant> graceEnds,
            Map<TokenScope, Instant> scheduledResets) {
        TokenState rw = null;
        TokenState ro = null;
        for (StoredToken token : tokens) {
            TokenState state = TokenState.of(token, staleUse.get(token.scope()), graceEnds.get(token.scope()),
                    scheduledResets.get(token.scope()));
            if (token.scope() == TokenScope.READ_WRITE) {
                rw = state;
            } else {
                ro = state;
            }
        }
        return new LegacyTokenCard(card.accountSid(), card.legacy(), card.apiVersion(), available, card.createdAt(),
                rw, ro);
    }
}
