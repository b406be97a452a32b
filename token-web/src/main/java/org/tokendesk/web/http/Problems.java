package org.tokendesk.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tokendesk.domain.common.ConflictException;
import org.tokendesk.domain.common.NotAuthenticatedException;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.PermissionDeniedException;
import org.tokendesk.domain.common.StoreUnavailableException;
import org.tokendesk.domain.common.UnprocessableException;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.notice.AlreadyAcknowledgedException;
import org.tokendesk.domain.operator.TooManyAttemptsException;
import org.tokendesk.web.api.Problem;

/**
 * Every error of the API as {@code application/problem+json}, mapped in this one place. Each kind
 * has a stable {@code type}; no body ever carries a stack trace or a secret.
 */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    private static final String TYPE_PREFIX = "urn:tokendesk:problem:";
    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String UNAVAILABLE_RETRY_AFTER = "5";
    private static final String UNAVAILABLE_DETAIL = "the database cannot be reached; try again shortly";
    private static final String INTERNAL_DETAIL = "the server failed to answer; the error was logged";

    private Problems() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(UnprocessableException.class, (e, ctx) -> validation(ctx, 422, e));
        routes.exception(ValidationException.class, (e, ctx) -> validation(ctx, 400, e));
        routes.exception(NotFoundException.class, (e, ctx) -> send(ctx, 404, "not-found", "Not found", e.getMessage()));
        routes.exception(AlreadyAcknowledgedException.class,
                (e, ctx) -> send(ctx, 410, "gone", "Gone", "this acknowledgement link was already used"));
        routes.exception(ConflictException.class, (e, ctx) -> send(ctx, 409, "conflict", "Conflict", e.getMessage()));
        routes.exception(PermissionDeniedException.class,
                (e, ctx) -> send(ctx, 403, "forbidden", "Forbidden", e.getMessage()));
        routes.exception(NotAuthenticatedException.class, (e, ctx) -> unauthorized(ctx, e.getMessage()));
        routes.exception(TooManyAttemptsException.class, (e, ctx) -> tooMany(ctx, e.retryAfter(), e.getMessage()));
        routes.exception(StoreUnavailableException.class, (e, ctx) -> unavailable(ctx));
        routes.exception(HttpResponseException.class, (e, ctx) -> byStatus(ctx, e.getStatus()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.req().getMethod(), ctx.path(), e);
            send(ctx, 500, "internal", "Internal error", INTERNAL_DETAIL);
        });
        routes.error(404, ctx -> {
            if (!isProblem(ctx)) {
                send(ctx, 404, "not-found", "Not found", "no such resource");
            }
        });
        routes.error(405, ctx -> {
            if (!isProblem(ctx)) {
                send(ctx, 405, "method-not-allowed", "Method not allowed", "this resource does not accept that method");
            }
        });
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/problem+json");
    }

    private static void byStatus(Context ctx, int status) {
        switch (status) {
            case 413 -> send(ctx, 413, "too-large", "Request body too large", "request bodies are limited to 64 KiB");
            case 404 -> send(ctx, 404, "not-found", "Not found", "no such resource");
            case 405 -> send(ctx, 405, "method-not-allowed", "Method not allowed", "this resource does not accept that method");
            default -> send(ctx, status, "http-" + status, "HTTP " + status, "the request could not be served");
        }
    }

    private static void validation(Context ctx, int status, ValidationException e) {
        List<Problem.FieldError> errors = e.errors().stream()
                .map(f -> new Problem.FieldError(f.field(), f.message())).toList();
        write(ctx, new Problem(TYPE_PREFIX + (status == 422 ? "unprocessable" : "validation"),
                status == 422 ? "Unprocessable value" : "Invalid request", status, e.getMessage(), errors));
    }

    public static void unauthorized(Context ctx, String detail) {
        send(ctx, 401, "unauthorized", "Unauthorized", detail);
    }

    public static void tooMany(Context ctx, Duration retryAfter, String detail) {
        ctx.header("Retry-After", retryAfterSeconds(retryAfter));
        send(ctx, 429, "too-many-requests", "Too many requests", detail);
    }

    /** A {@code Retry-After} value: whole seconds, rounded up, at least one. */
    public static String retryAfterSeconds(Duration retryAfter) {
        return Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    public static void unavailable(Context ctx) {
        ctx.header("Retry-After", UNAVAILABLE_RETRY_AFTER);
        send(ctx, 503, "unavailable", "Service unavailable", UNAVAILABLE_DETAIL);
    }

    /** The body of a 503 while the database cannot be reached (with {@link #UNAVAILABLE_RETRY_AFTER}). */
    public static byte[] unavailableBody() {
        return body(503, "unavailable", "Service unavailable", UNAVAILABLE_DETAIL);
    }

    /** The body of a 500; the caller logs the error. */
    public static byte[] internalErrorBody() {
        return body(500, "internal", "Internal error", INTERNAL_DETAIL);
    }

    /**
     * A problem body for a handler that answers without a Javalin {@link Context} (the check front);
     * byte for byte what {@link #send} writes.
     */
    public static byte[] body(int status, String slug, String title, String detail) {
        try {
            return Json.mapper().writeValueAsBytes(new Problem(TYPE_PREFIX + slug, title, status, detail, List.of()));
        } catch (JsonProcessingException e) {
            return new byte[0];
        }
    }

    public static void send(Context ctx, int status, String slug, String title, String detail) {
        write(ctx, new Problem(TYPE_PREFIX + slug, title, status, detail, List.of()));
    }

    private static void write(Context ctx, Problem problem) {
        try {
            ctx.status(problem.status()).contentType(CONTENT_TYPE)
                    .result(Json.mapper().writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            ctx.status(problem.status()).result("");
        }
    }
}
