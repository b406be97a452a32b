package org.tokendesk.web.api;

/**
 * A membership.
 *
 * @param accountSid the account
 * @param email the member
 * @param role the role
 */
public record MemberView(String accountSid, String email, String role) {
}
