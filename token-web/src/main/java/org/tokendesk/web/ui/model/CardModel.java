package org.tokendesk.web.ui.model;

import java.time.Instant;
import java.util.List;

/**
 * The legacy token card: no secret, hints only.
 *
 * @param accountSid the account
 * @param legacy whether the tokens are legacy
 * @param apiVersion the bound API version
 * @param availableApiVersions what it may be changed to
 * @param createdAt when enabled
 * @param tokens the read/write token, then the read-only token
 */
public record CardModel(String accountSid, boolean legacy, String apiVersion, List<String> availableApiVersions,
        Instant createdAt, List<TokenRow> tokens) {

    public CardModel {
        availableApiVersions = List.copyOf(availableApiVersions);
        tokens = List.copyOf(tokens);
    }
}
