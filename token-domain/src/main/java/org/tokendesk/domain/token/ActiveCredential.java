package org.tokendesk.domain.token;

import org.tokendesk.domain.account.AccountSid;

/**
 * What a current token's hash resolves to.
 *
 * @param accountSid the account it belongs to
 * @param scope its scope
 * @param apiVersion the card's API version
 */
public record ActiveCredential(AccountSid accountSid, TokenScope scope, String apiVersion) {
}
