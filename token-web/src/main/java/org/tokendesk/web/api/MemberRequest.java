package org.tokendesk.web.api;

/**
 * {@code PUT /api/v1/accounts/{accountSid}/members/{email}}.
 *
 * @param role {@code admin} or {@code viewer}
 */
public record MemberRequest(String role) {
}
