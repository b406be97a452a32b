package org.tokendesk.web.testing;

/**
 * An account with legacy tokens enabled, and its two Auth Tokens as revealed after enabling.
 *
 * @param accountSid the account
 * @param readWrite the read/write token
 * @param readOnly the read-only token
 */
public record LegacyTokens(String accountSid, String readWrite, String readOnly) {

    @Override
    public String toString() {
        return "LegacyTokens[" + accountSid + ", tokens masked]";
    }
}
