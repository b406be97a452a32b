package org.tokendesk.domain.account;

/**
 * An operator's role in an account.
 *
 * @param accountSid the account
 * @param operatorId the operator
 * @param role the role
 */
public record Membership(AccountSid accountSid, String operatorId, Role role) {
}
