package org.tokendesk.web.api;

/**
 * Both Auth Tokens, for re-display.
 *
 * @param accountSid the account
 * @param readWrite the read/write token
 * @param readOnly the read-only token
 */
public record CredentialsView(String accountSid, AuthTokenView readWrite, AuthTokenView readOnly) {

    /** @param authToken the token */
    public record AuthTokenView(String authToken) {

        @Override
        public String toString() {
            return "AuthTokenView[masked]";
        }
    }
}
