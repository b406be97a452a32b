package org.tokendesk.domain.token;

import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.secret.Secret;

/**
 * Both Auth Tokens of an account, for re-display.
 *
 * @param accountSid the account
 * @param readWrite the read/write token
 * @param readOnly the read-only token
 */
public record Credentials(AccountSid accountSid, Secret readWrite, Secret readOnly) {
}
