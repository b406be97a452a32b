package org.tokendesk.web.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.tokendesk.domain.common.NotAuthenticatedException;
import org.tokendesk.domain.common.PermissionDeniedException;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.operator.ManagementKeyService;
import org.tokendesk.domain.operator.SessionService;

/**
 * Who is calling the management API: a personal management key ({@code Authorization: Bearer})
 * or a cookie session, which must echo its CSRF token in {@code X-CSRF-Token} on unsafe methods.
 */
public final class Authenticator {

    public static final String SESSION_COOKIE = "tokendesk_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String ACTOR = "tokendesk.actor";

    private final SessionService sessions;
    private final ManagementKeyService keys;
    private final ClientAddress clientAddress;
    private final boolean secureCookies;

    public Authenticator(SessionService sessions, ManagementKeyService keys, ClientAddress clientAddress,
            boolean secureCookies) {
        this.sessions = sessions;
        this.keys = keys;
        this.clientAddress = clientAddress;
        this.secureCookies = secureCookies;
    }

    public Actor require(Context ctx) {
        Actor known = ctx.attribute(ACTOR);
        if (known != null) {
            return known;
        }
        Actor actor = authenticate(ctx);
        ctx.attribute(ACTOR, actor);
        return actor;
    }

    private Actor authenticate(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return keys.authenticate(authorization.substring(7).strip())
                    .orElseThrow(() -> new NotAuthenticatedException("the management key is not valid"));
        }
        SessionService.ActiveSession session = session(ctx)
                .orElseThrow(() -> new NotAuthenticatedException("sign in or use a management key"));
        if (!isSafe(ctx.req().getMethod()) && !sessions.csrfMatches(session, ctx.header(CSRF_HEADER))) {
            throw new PermissionDeniedException("the " + CSRF_HEADER + " header is missing or wrong");
        }
        return session.actor();
    }

    public Optional<SessionService.ActiveSession> session(Context ctx) {
        return sessions.resolve(ctx.cookie(SESSION_COOKIE));
    }

    public RequestOrigin origin(Context ctx) {
        String agent = ctx.header("User-Agent");
        return new RequestOrigin(clientAddress.of(ctx), agent == null ? "" : agent.substring(0, Math.min(200, agent.length())));
    }

    public void setSessionCookie(Context ctx, String sessionId) {
        ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : ""));
    }

    public void clearSessionCookie(Context ctx) {
        ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : ""));
    }

    static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
