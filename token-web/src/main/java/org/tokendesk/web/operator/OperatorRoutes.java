package org.tokendesk.web.operator;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.operator.ManagementKey;
import org.tokendesk.domain.operator.ManagementKeyService;
import org.tokendesk.domain.operator.Operator;
import org.tokendesk.domain.operator.OperatorService;
import org.tokendesk.domain.operator.SessionService;
import org.tokendesk.web.api.KeyCreated;
import org.tokendesk.web.api.KeyView;
import org.tokendesk.web.api.NameRequest;
import org.tokendesk.web.api.OperatorRequest;
import org.tokendesk.web.api.OperatorView;
import org.tokendesk.web.api.SessionRequest;
import org.tokendesk.web.api.SessionResponse;
import org.tokendesk.web.http.Authenticator;
import org.tokendesk.web.http.Json;

/** Sessions, personal management keys and operators: API.md section 2. */
public final class OperatorRoutes {

    private final SessionService sessions;
    private final ManagementKeyService keys;
    private final OperatorService operators;
    private final Authenticator auth;

    public OperatorRoutes(SessionService sessions, ManagementKeyService keys, OperatorService operators,
            Authenticator auth) {
        this.sessions = sessions;
        this.keys = keys;
        this.operators = operators;
        this.auth = auth;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/session", this::signIn);
        routes.delete("/api/v1/session", this::signOut);
        routes.post("/api/v1/keys", this::createKey);
        routes.get("/api/v1/keys", this::listKeys);
        routes.delete("/api/v1/keys/{id}", this::revokeKey);
        routes.post("/api/v1/operators", this::createOperator);
    }

    void signIn(Context ctx) {
        SessionRequest request = Json.read(ctx, SessionRequest.class);
        if (request.email() == null || request.password() == null) {
            throw ValidationException.of(request.email() == null ? "email" : "password", "is required");
        }
        var session = sessions.signIn(request.email(), request.password(), auth.origin(ctx));
        auth.setSessionCookie(ctx, session.sessionId().reveal());
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 200, new SessionResponse(session.csrfToken().reveal(), view(session.operator())));
    }

    void signOut(Context ctx) {
        auth.require(ctx);
        sessions.signOut(ctx.cookie(Authenticator.SESSION_COOKIE));
        auth.clearSessionCookie(ctx);
        ctx.status(204);
    }

    void createKey(Context ctx) {
        Actor actor = auth.require(ctx);
        NameRequest request = Json.read(ctx, NameRequest.class);
        var created = keys.create(actor, request.name(), auth.origin(ctx));
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 201, new KeyCreated(created.key().id(), created.key().name(), created.secret().reveal(),
                created.key().createdAt()));
    }

    void listKeys(Context ctx) {
        Actor actor = auth.require(ctx);
        Json.write(ctx, 200, new KeyView.KeyList(keys.list(actor).stream().map(OperatorRoutes::view).toList()));
    }

    void revokeKey(Context ctx) {
        Actor actor = auth.require(ctx);
        keys.revoke(actor, ctx.pathParam("id"), auth.origin(ctx));
        ctx.status(204);
    }

    void createOperator(Context ctx) {
        Actor actor = auth.require(ctx);
        OperatorRequest request = Json.read(ctx, OperatorRequest.class);
        Operator created = operators.create(actor, new OperatorService.NewOperator(request.email(), request.password(),
                request.name(), Boolean.TRUE.equals(request.platformAdmin())), auth.origin(ctx));
        Json.write(ctx, 201, view(created));
    }

    static OperatorView view(Operator o) {
        return new OperatorView(o.id(), o.email(), o.name(), o.platformAdmin(), o.createdAt());
    }

    static KeyView view(ManagementKey k) {
        return new KeyView(k.id(), k.name(), k.hint(), k.createdAt(), k.lastUsedAt());
    }
}
