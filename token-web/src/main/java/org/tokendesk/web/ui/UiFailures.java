package org.tokendesk.web.ui;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tokendesk.domain.common.ConflictException;
import org.tokendesk.domain.common.NotAuthenticatedException;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.PermissionDeniedException;
import org.tokendesk.domain.common.StoreUnavailableException;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.operator.TooManyAttemptsException;
import org.tokendesk.web.ui.model.ErrorPage;

/**
 * What a page shows when its request fails: the sign-in page for nobody, an HTML page for the
 * rest (403 for a missing CSRF token or role, 404 for what is not there or not the operator's).
 */
final class UiFailures {

    private static final Logger LOG = LoggerFactory.getLogger(UiFailures.class);

    private final Renderer renderer;

    UiFailures(Renderer renderer) {
        this.renderer = renderer;
    }

    void handle(Visit visit, RuntimeException failure) {
        Context ctx = visit.ctx();
        if (failure instanceof UiException.SignInRequired || failure instanceof NotAuthenticatedException) {
            signIn(ctx);
        } else if (failure instanceof UiException.CsrfRejected) {
            show(visit, 403, "error.csrf.title", "error.csrf.text");
        } else if (failure instanceof UiException.AdminOnly || failure instanceof PermissionDeniedException) {
            show(visit, 403, "error.forbidden.title", "error.forbidden.text");
        } else if (failure instanceof NotFoundException) {
            show(visit, 404, "error.notFound.title", "error.notFound.text");
        } else if (failure instanceof ConflictException) {
            page(visit, 409, visit.t().get("error.conflict.title"), failure.getMessage());
        } else if (failure instanceof ValidationException) {
            page(visit, 400, visit.t().get("error.invalid.title"), failure.getMessage());
        } else if (failure instanceof TooManyAttemptsException tooMany) {
            ctx.header("Retry-After", Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())));
            show(visit, 429, "error.tooMany.title", "error.tooMany.text");
        } else if (failure instanceof StoreUnavailableException) {
            ctx.header("Retry-After", "5");
            show(visit, 503, "error.unavailable.title", "error.unavailable.text");
        } else {
            LOG.error("unexpected error on page {} {}", ctx.req().getMethod(), ctx.path(), failure);
            show(visit, 500, "error.internal.title", "error.internal.text");
        }
    }

    /** Unsafe requests go back to the start after signing in; pages come back to themselves. */
    static void signIn(Context ctx) {
        String target = "/sign-in";
        if ("GET".equals(ctx.req().getMethod()) && !"/".equals(ctx.path())) {
            String query = ctx.queryString();
            String next = ctx.path() + (query == null ? "" : "?" + query);
            if (SafePaths.isLocal(next)) {
                target += "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
            }
        }
        Renderer.headers(ctx);
        ctx.redirect(target, HttpStatus.SEE_OTHER);
    }

    private void show(Visit visit, int status, String titleKey, String textKey) {
        page(visit, status, visit.t().get(titleKey), visit.t().get(textKey));
    }

    private void page(Visit visit, int status, String heading, String message) {
        if (visit.fromScript()) {
            Renderer.headers(visit.ctx());
            visit.ctx().status(status).contentType("text/plain; charset=utf-8").result(message);
            return;
        }
        renderer.page(visit.ctx(), status, "error", new ErrorPage(visit.plainChrome(heading), status, heading, message));
    }

    /**
     * The API's error mapper answers 404 and 405 with problem+json after every handler; a page that
     * was rendered keeps its HTML (after-handlers run last).
     */
    static void keepRenderedPage(Context ctx) {
        Object html = ctx.attribute(Renderer.RENDERED_PAGE);
        if (html instanceof String page) {
            ctx.contentType("text/html; charset=utf-8").result(page);
        }
    }
}
