package org.tokendesk.web.ui;

import io.javalin.http.HttpStatus;
import org.tokendesk.domain.common.NotAuthenticatedException;
import org.tokendesk.domain.operator.SessionService;
import org.tokendesk.domain.operator.TooManyAttemptsException;
import org.tokendesk.web.ui.model.SignInPage;

/** Sign in (a form with a pre-session CSRF token), sign out, and the language switch. */
final class SignInPages {

    private final SessionService sessions;
    private final Visits visits;
    private final Renderer renderer;

    SignInPages(SessionService sessions, Visits visits, Renderer renderer) {
        this.sessions = sessions;
        this.visits = visits;
        this.renderer = renderer;
    }

    void form(Visit visit) {
        String next = SafePaths.orHome(visit.ctx().queryParam("next"));
        if (visit.session().isPresent()) {
            visit.ctx().redirect(next, HttpStatus.SEE_OTHER);
            return;
        }
        render(visit, 200, "", null, next);
    }

    void signIn(Visit visit) {
        visit.requireFormToken();
        var ctx = visit.ctx();
        String email = ctx.formParam("email") == null ? "" : ctx.formParam("email").strip();
        String next = SafePaths.orHome(ctx.formParam("next"));
        SessionService.NewSession session;
        try {
            session = sessions.signIn(email, ctx.formParam("password"), visit.origin());
        } catch (NotAuthenticatedException wrong) {
            render(visit, 401, email, visit.t().get("signIn.failed"), next);
            return;
        } catch (TooManyAttemptsException tooMany) {
            ctx.header("Retry-After", Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())));
            render(visit, 429, email, visit.t().format("signIn.throttled",
                    Long.toString(Math.max(1, tooMany.retryAfter().toSeconds()))), next);
            return;
        }
        visits.signedIn(ctx, session.sessionId().reveal());
        Renderer.headers(ctx);
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    void signOut(Visit visit) {
        if (visit.session().isPresent()) {
            visit.requireCsrf();
            visits.signedOut(visit.ctx());
        }
        Renderer.headers(visit.ctx());
        visit.ctx().redirect("/sign-in", HttpStatus.SEE_OTHER);
    }

    void language(Visit visit) {
        visit.requireFormToken();
        String lang = visit.ctx().formParam("lang");
        if (Language.supported(lang)) {
            visits.languageChosen(visit.ctx(), lang);
        }
        Renderer.headers(visit.ctx());
        visit.ctx().redirect(SafePaths.orHome(visit.ctx().formParam("return")), HttpStatus.SEE_OTHER);
    }

    private void render(Visit visit, int status, String email, String error, String next) {
        renderer.page(visit.ctx(), status, "signIn", new SignInPage(visit.plainChrome(visit.t().get("signIn.title")),
                email, error, next));
    }
}
