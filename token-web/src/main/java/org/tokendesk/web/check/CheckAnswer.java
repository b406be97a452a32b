package org.tokendesk.web.check;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.tokendesk.domain.token.CheckResult;
import org.tokendesk.web.http.Problems;

/**
 * The answer to {@code GET /v1/auth/check}: status, headers and body, decided in this one place for
 * the Javalin route and the {@link CheckFront}, so the two cannot drift apart. The request id and
 * the security headers are added by whoever sends it, as for every other response.
 *
 * @param status the HTTP status
 * @param headers the answer's own headers, in order, as name and value pairs
 * @param body a problem body, empty for 204
 */
public record CheckAnswer(int status, List<Header> headers, byte[] body) {

    static final String REALM = "Basic realm=\"tokendesk\"";
    private static final Header NO_STORE = new Header("Cache-Control", "no-store");
    private static final byte[] NO_BODY = new byte[0];

    public CheckAnswer {
        headers = List.copyOf(headers);
    }

    /** What the check said, as an answer for the gateway. */
    public static CheckAnswer of(CheckResult result) {
        if (result instanceof CheckResult.Valid valid) {
            // the answer of nearly every check: an immutable list, which the constructor does not copy
            return new CheckAnswer(204, List.of(NO_STORE,
                    new Header("X-Account-Sid", valid.credential().accountSid().value()),
                    new Header("X-Token-Scope", valid.credential().scope().wireName()),
                    new Header("X-Api-Version", valid.credential().apiVersion())), NO_BODY);
        }
        List<Header> headers = new ArrayList<>();
        headers.add(NO_STORE);
        if (result instanceof CheckResult.ForbiddenMethod) {
            return problem(403, headers, Problems.body(403, "forbidden-method", "Forbidden",
                    "a read-only token allows only GET, HEAD and OPTIONS"));
        }
        if (result instanceof CheckResult.Limited limited) {
            headers.add(new Header("Retry-After", Problems.retryAfterSeconds(limited.retryAfter())));
            return problem(429, headers, Problems.body(429, "too-many-requests", "Too many requests",
                    "too many failed checks; slow down"));
        }
        headers.add(new Header("WWW-Authenticate", REALM));
        return problem(401, headers, Problems.body(401, "unauthorized", "Unauthorized",
                "the credential is missing, malformed, unknown or reset"));
    }

    /** The database cannot be reached: what {@code Problems} answers to a {@code StoreUnavailableException}. */
    public static CheckAnswer unavailable() {
        return problem(503, List.of(NO_STORE,
                new Header("Retry-After", Problems.UNAVAILABLE_RETRY_AFTER)), Problems.unavailableBody());
    }

    /** An unexpected error (the caller logs it): what {@code Problems} answers to any other exception. */
    public static CheckAnswer internalError() {
        return problem(500, List.of(NO_STORE), Problems.internalErrorBody());
    }

    private static CheckAnswer problem(int status, List<Header> headers, byte[] body) {
        return new CheckAnswer(status, headers, body);
    }

    /** The headers, then the content type when there is a body. */
    public void eachHeader(BiConsumer<String, String> header) {
        headers.forEach(h -> header.accept(h.name(), h.value()));
        if (body.length > 0) {
            header.accept("Content-Type", Problems.CONTENT_TYPE);
        }
    }

    /** Sends this answer through Javalin (the registered route). */
    void writeTo(Context ctx) {
        headers.forEach(h -> ctx.header(h.name(), h.value()));
        ctx.status(status);
        if (body.length > 0) {
            ctx.contentType(Problems.CONTENT_TYPE).result(body);
        }
    }

    /**
     * @param name the header's name
     * @param value its value (never a secret)
     */
    public record Header(String name, String value) {
    }
}
