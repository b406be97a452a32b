package org.tokendesk.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The answer of {@code POST /v1/verify}; fields that do not apply are left out.
 *
 * @param valid whether the credential passes
 * @param accountSid when valid
 * @param scope when valid
 * @param apiVersion when valid
 * @param legacy when valid
 * @param code why not, when invalid
 * @param resetAt when the token was reset, for {@code token_reset}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifyResponse(boolean valid, String accountSid, String scope, String apiVersion, Boolean legacy,
        String code, Instant resetAt) {

    public static VerifyResponse valid(String accountSid, String scope, String apiVersion) {
        return new VerifyResponse(true, accountSid, scope, apiVersion, true, null, null);
    }

    public static VerifyResponse invalid(String code, Instant resetAt) {
        return new VerifyResponse(false, null, null, null, null, code, resetAt);
    }
}
