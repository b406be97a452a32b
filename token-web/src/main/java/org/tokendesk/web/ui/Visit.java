package org.tokendesk.web.ui;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.operator.SessionService;
import org.tokendesk.web.ui.model.AccountOption;
import org.tokendesk.web.ui.model.Chrome;

/**
 * One page request: who is signed in, in which language, and the CSRF token its forms carry (the
 * session's, or before sign-in the pre-session cookie's).
 */
final class Visit {

    private final Context ctx;
    private final Visits visits;
    private final SessionService.ActiveSession session;
    private final Messages t;
    private final String csrf;

    Visit(Context ctx, Visits visits, SessionService.ActiveSession session, Messages t, String csrf) {
        this.ctx = ctx;
        this.visits = visits;
        this.session = session;
        this.t = t;
        this.csrf = csrf;
    }

    Context ctx() {
        return ctx;
    }

    Messages t() {
        return t;
    }

    String csrf() {
        return csrf;
    }

    Optional<SessionService.ActiveSession> session() {
        return Optional.ofNullable(session);
    }

    Actor actor() {
        if (session == null) {
            throw new UiException.SignInRequired();
        }
        return session.actor();
    }

    RequestOrigin origin() {
        return visits.origin(ctx);
    }

    /**
     * Every unsafe request of a signed-in page must echo the session's token: form field
     * {@code _csrf} or header {@code X-CSRF-Token}. Nobody signed in is sent to sign in first.
     */
    void requireCsrf() {
        actor();
        requireFormToken();
    }

    /** The token check alone, for the forms that work before sign-in (sign in, language). */
    void requireFormToken() {
        String presented = ctx.formParam(Visits.CSRF_FIELD);
        if (presented == null || presented.isEmpty()) {
            presented = ctx.header(Visits.CSRF_HEADER);
        }
        if (!visits.csrfMatches(ctx, session, presented)) {
            throw new UiException.CsrfRejected();
        }
    }

    /** Whether the page's script asked (then it wants a fragment or no content, not a redirect). */
    boolean fromScript() {
        return "fetch".equals(ctx.header("X-Requested-With"));
    }

    Chrome chrome(String title, String section, List<AccountOption> accounts, AccountOption current) {
        return new Chrome(t, csrf, session == null ? null : session.operator().email(), accounts, current, section,
                ctx.path(), title);
    }

    Chrome plainChrome(String title) {
        return chrome(title, "", List.of(), null);
    }
}
