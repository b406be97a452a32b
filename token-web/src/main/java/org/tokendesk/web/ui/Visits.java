package org.tokendesk.web.ui;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.operator.SessionService;
import org.tokendesk.web.http.Authenticator;

/**
 * Makes a {@link Visit} of each page request. Signed in, the CSRF token is the session's (derived
 * from the session cookie by {@link SessionService#csrfTokenFor}); before sign-in it is a random
 * value in the {@code tokendesk_presession} cookie that the sign-in and language forms must echo
 * (double submit), so that nobody can sign a browser in to another's session.
 */
final class Visits {

    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = Authenticator.CSRF_HEADER;
    static final String PRESESSION_COOKIE = "tokendesk_presession";

    private final SessionService sessions;
    private final Authenticator auth;
    private final boolean secureCookies;
    private final SecureRandom random = new SecureRandom();

    Visits(SessionService sessions, Authenticator auth, boolean secureCookies) {
        this.sessions = sessions;
        this.auth = auth;
        this.secureCookies = secureCookies;
    }

    Visit of(Context ctx) {
        SessionService.ActiveSession session = auth.session(ctx).orElse(null);
        String lang = Language.choose(ctx.cookie(Language.COOKIE), session == null ? null : session.operator().locale(),
                ctx.header("Accept-Language"));
        String csrf = session != null ? sessions.csrfTokenFor(ctx.cookie(Authenticator.SESSION_COOKIE))
                : presessionToken(ctx);
        return new Visit(ctx, this, session, Messages.of(lang), csrf);
    }

    boolean csrfMatches(Context ctx, SessionService.ActiveSession session, String presented) {
        if (session != null) {
            return sessions.csrfMatches(session, presented);
        }
        String expected = ctx.cookie(PRESESSION_COOKIE);
        return presented != null && expected != null && expected.length() >= 32 && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    RequestOrigin origin(Context ctx) {
        return auth.origin(ctx);
    }

    void signedIn(Context ctx, String sessionId) {
        auth.setSessionCookie(ctx, sessionId);
        ctx.res().addHeader("Set-Cookie", PRESESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : ""));
    }

    void signedOut(Context ctx) {
        sessions.signOut(ctx.cookie(Authenticator.SESSION_COOKIE));
        auth.clearSessionCookie(ctx);
    }

    void languageChosen(Context ctx, String lang) {
        ctx.res().addHeader("Set-Cookie", Language.COOKIE + "=" + lang + "; Path=/; Max-Age=31536000; SameSite=Lax"
                + (secureCookies ? "; Secure" : ""));
    }

    private String presessionToken(Context ctx) {
        String existing = ctx.cookie(PRESESSION_COOKIE);
        if (existing != null && existing.length() >= 32 && existing.length() <= 100
                && existing.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
            return existing;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ctx.res().addHeader("Set-Cookie", PRESESSION_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : ""));
        return token;
    }
}
