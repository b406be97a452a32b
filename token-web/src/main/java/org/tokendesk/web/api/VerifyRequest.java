package org.tokendesk.web.api;

/**
 * {@code POST /v1/verify}.
 *
 * @param accountSid the presented Account SID
 * @param authToken the presented Auth Token
 * @param method the HTTP method to authorize; GET when absent
 */
public record VerifyRequest(String accountSid, String authToken, String method) {

    @Override
    public String toString() {
        return "VerifyRequest[accountSid=" + accountSid + ", authToken=masked, method=" + method + "]";
    }
}
