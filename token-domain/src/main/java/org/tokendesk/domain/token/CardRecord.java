package org.tokendesk.domain.token;

import java.time.Instant;
import org.tokendesk.domain.account.AccountSid;

/**
 * The stored part of a legacy token card.
 *
 * @param accountSid the account
 * @param apiVersion the API version its tokens are bound to
 * @param legacy whether the tokens are legacy by the cutoff rule
 * @param createdAt when legacy tokens were enabled (or imported tokens created)
 */
public record CardRecord(AccountSid accountSid, String apiVersion, boolean legacy, Instant createdAt) {
}
