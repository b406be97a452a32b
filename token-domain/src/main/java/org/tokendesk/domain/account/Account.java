package org.tokendesk.domain.account;

import java.time.Instant;

/**
 * A tenant.
 *
 * @param sid its public identifier
 * @param name display name
 * @param legacyTokensEnabled whether its legacy token card exists
 * @param createdAt when it was created
 */
public record Account(AccountSid sid, String name, boolean legacyTokensEnabled, Instant createdAt) {
}
