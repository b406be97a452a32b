package org.tokendesk.web.api;

/**
 * The answer to a sign-in.
 *
 * @param csrfToken echo it in {@code X-CSRF-Token} on unsafe requests that use the cookie
 * @param operator who signed in
 */
public record SessionResponse(String csrfToken, OperatorView operator) {

    @Override
    public String toString() {
        return "SessionResponse[csrfToken=masked, operator=" + operator + "]";
    }
}
