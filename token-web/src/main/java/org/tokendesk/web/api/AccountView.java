package org.tokendesk.web.api;

import java.time.Instant;
import java.util.List;

/**
 * An account.
 *
 * @param accountSid its SID
 * @param name its name
 * @param legacyTokensEnabled whether its legacy token card exists
 * @param createdAt when created
 */
public record AccountView(String accountSid, String name, boolean legacyTokensEnabled, Instant createdAt) {

    /** @param accounts the accounts visible to the caller */
    public record AccountList(List<AccountView> accounts) {
    }
}
