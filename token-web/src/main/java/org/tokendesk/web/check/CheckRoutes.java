package org.tokendesk.web.check;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.token.CheckResult;
import org.tokendesk.domain.token.CredentialCheck;
import org.tokendesk.domain.usage.ClientInfo;
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

    static final String REALM = "Basic realm=\"tokendesk\"";

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

    void authCheck(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String method = method(ctx.header("X-Original-Method"), ctx.header("X-Forwarded-Method"));
        var credentials = BasicCredentials.parse(ctx.header("Authorization"));
        ClientInfo client = CheckClient.of(ctx, clientAddress);
        CheckResult result = credentials.isEmpty()
                ? check.check(null, null, method, client)
                : check.check(credentials.get().accountSid(), credentials.get().authToken(), method, client);
        if (result instanceof CheckResult.Valid valid) {
            ctx.header("X-Account-Sid", valid.credential().accountSid().value());
            ctx.header("X-Token-Scope", valid.credential().scope().wireName());
            ctx.header("X-Api-Version", valid.credential().apiVersion());
            ctx.status(204);
        } else if (result instanceof CheckResult.ForbiddenMethod) {
            Problems.send(ctx, 403, "forbidden-method", "Forbidden", "a read-only token allows only GET, HEAD and OPTIONS");
        } else if (result instanceof CheckResult.Limited limited) {
            Problems.tooMany(ctx, limited.retryAfter(), "too many failed checks; slow down");
        } else {
            ctx.header("WWW-Authenticate", REALM);
            Problems.unauthorized(ctx, "the credential is missing, malformed, unknown or reset");
        }
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
        String method = method(request.method(), null);
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

    static String method(String primary, String secondary) {
        String m = primary != null && !primary.isBlank() ? primary : secondary;
        return m == null || m.isBlank() ? "GET" : m.strip().toUpperCase(Locale.ROOT);
    }
}
