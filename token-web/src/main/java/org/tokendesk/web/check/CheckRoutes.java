package org.tokendesk.web.check;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.token.CheckResult;
import org.tokendesk.domain.token.CredentialCheck;
import org.tokendesk.web.api.VerifyRequest;
import org.tokendesk.web.api.VerifyResponse;
import org.tokendesk.web.http.ClientAddress;
import org.tokendesk.web.http.Json;
import org.tokendesk.web.http.Problems;

/**
 * The credential checks gateways and services call: {@code GET /v1/auth/check} (nginx
 * {@code auth_request}, Traefik {@code forwardAuth}) and {@code POST /v1/verify}. Never cached:
 * a reset must take effect at the next check.
 */
public final class CheckRoutes {

    private final CredentialCheck check;
    private final ClientAddress clientAddress;

    public CheckRoutes(CredentialCheck check, ClientAddress clientAddress) {
        this.check = check;
        this.clientAddress = clientAddress;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/auth/check", this::authCheck);
        routes.post("/v1/verify", this::verify);
    }

    /**
     * Answers what the {@link CheckFront} did not: in production every plain check is answered there,
     * without Javalin's pipeline; both decide with {@link CheckInput} and {@link CheckAnswer}.
     */
    void authCheck(Context ctx) {
        CheckInput input = CheckInput.from(ctx::header);
        ctx.header("Cache-Control", "no-store");
        CheckAnswer.of(input.checkWith(check::check, clientAddress.of(ctx))).writeTo(ctx);
    }

    void verify(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        VerifyRequest request = Json.read(ctx, VerifyRequest.class);
        if (request.accountSid() == null || request.authToken() == null) {
            throw ValidationException.of(request.accountSid() == null ? "accountSid" : "authToken", "is required");
        }
        if (request.method() != null && !request.method().matches("[A-Za-z]{1,16}")) {
            throw ValidationException.of("method", "must be an HTTP method such as GET");
        }
        String method = CheckInput.method(request.method(), null);
        CheckResult result = check.check(request.accountSid(), request.authToken(), method,
                CheckClient.of(ctx, clientAddress));
        VerifyResponse response;
        if (result instanceof CheckResult.Valid valid) {
            response = VerifyResponse.valid(valid.credential().accountSid().value(),
                    valid.credential().scope().wireName(), valid.credential().apiVersion());
        } else if (result instanceof CheckResult.ForbiddenMethod) {
            response = VerifyResponse.invalid("forbidden_method", null);
        } else if (result instanceof CheckResult.Reset reset) {
            response = VerifyResponse.invalid("token_reset", reset.resetAt());
        } else if (result instanceof CheckResult.Limited limited) {
            Problems.tooMany(ctx, limited.retryAfter(), "too many failed checks; slow down");
            return;
        } else {
            response = VerifyResponse.invalid("invalid_credentials", null);
        }
        Json.write(ctx, 200, response);
    }
}
