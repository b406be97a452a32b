package org.tokendesk.web.api;

/**
 * {@code POST /api/v1/session}.
 *
 * @param email sign-in email
 * @param password password
 */
public record SessionRequest(String email, String password) {

    @Override
    public String toString() {
        return "SessionRequest[email=" + email + ", password=masked]";
    }
}
