package org.tokendesk.domain.token;

import org.tokendesk.domain.account.AccountSid;

/**
 * Names one of an account's two tokens.
 *
 * @param accountSid the account
 * @param scope the scope
 */
public record TokenKey(AccountSid accountSid, TokenScope scope) {
}
