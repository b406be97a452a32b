package org.tokendesk.web.token;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.notice.Acknowledgements;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.token.LegacyTokenCard;
import org.tokendesk.domain.token.LegacyTokenService;
import org.tokendesk.domain.token.ResetPreview;
import org.tokendesk.domain.token.ResetPreviews;
import org.tokendesk.domain.token.ResetResult;
import org.tokendesk.domain.token.ScheduledResetResult;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.web.api.ApiVersionRequest;
import org.tokendesk.web.api.CardView;
import org.tokendesk.web.api.CredentialsView;
import org.tokendesk.web.api.EmptyRequest;
import org.tokendesk.web.api.ResetRequest;
import org.tokendesk.web.api.ResetView;
import org.tokendesk.web.api.ScheduledResetView;
import org.tokendesk.web.http.Authenticator;
import org.tokendesk.web.http.Json;
import org.tokendesk.web.http.Paths;

/** The legacy token card: API.md section 3. */
public final class LegacyTokenRoutes {

    private static final String BASE = "/api/v1/accounts/{accountSid}/legacy-token";

    private final LegacyTokenService tokens;
    private final ResetPreviews previews;
    private final Acknowledgements acknowledgements;
    private final Authenticator auth;

    public LegacyTokenRoutes(LegacyTokenService tokens, ResetPreviews previews, Acknowledgements acknowledgements,
            Authenticator auth) {
        this.tokens = tokens;
        this.previews = previews;
        this.acknowledgements = acknowledgements;
        this.auth = auth;
    }

    public void register(RoutesConfig routes) {
        routes.post(BASE, this::enable);
        routes.get(BASE, this::card);
        routes.patch(BASE, this::changeApiVersion);
        routes.get(BASE + "/credentials", this::credentials);
        routes.post(BASE + "/{scope}/reset", this::reset);
        routes.get(BASE + "/{scope}/reset-preview", this::resetPreview);
        routes.post(BASE + "/{scope}/end-grace", this::endGrace);
        routes.delete(BASE + "/{scope}/scheduled-reset", this::cancelScheduledReset);
    }

    void enable(Context ctx) {
        Actor actor = auth.require(ctx);
        Json.read(ctx, EmptyRequest.class);
        var enabled = tokens.enable(actor, Paths.accountSid(ctx), auth.origin(ctx));
        CardView card = view(enabled.card());
        if (!tokens.redisplay()) {
            // shown once: there is no ciphertext to show them again
            ctx.header("Cache-Control", "no-store");
            card = new CardView(card.accountSid(), card.legacy(), card.apiVersion(), card.availableApiVersions(),
                    card.createdAt(), withToken(card.readWrite(), enabled.readWrite().reveal()),
                    withToken(card.readOnly(), enabled.readOnly().reveal()));
        }
        Json.write(ctx, 201, card);
    }

    void card(Context ctx) {
        Actor actor = auth.require(ctx);
        AccountSid sid = Paths.accountSid(ctx);
        LegacyTokenCard card = tokens.card(actor, sid);
        Json.write(ctx, 200, view(card, acknowledgements.unacknowledged(actor, sid)));
    }

    void changeApiVersion(Context ctx) {
        Actor actor = auth.require(ctx);
        AccountSid sid = Paths.accountSid(ctx);
        ApiVersionRequest request = Json.read(ctx, ApiVersionRequest.class);
        if (request.apiVersion() == null) {
            throw ValidationException.of("apiVersion", "is required");
        }
        LegacyTokenCard card = tokens.changeApiVersion(actor, sid, request.apiVersion(), auth.origin(ctx));
        Json.write(ctx, 200, view(card, acknowledgements.unacknowledged(actor, sid)));
    }

    void credentials(Context ctx) {
        Actor actor = auth.require(ctx);
        var credentials = tokens.reveal(actor, Paths.accountSid(ctx), auth.origin(ctx));
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 200, new CredentialsView(credentials.accountSid().value(),
                new CredentialsView.AuthTokenView(credentials.readWrite().reveal()),
                new CredentialsView.AuthTokenView(credentials.readOnly().reveal())));
    }

    void reset(Context ctx) {
        Actor actor = auth.require(ctx);
        AccountSid sid = Paths.accountSid(ctx);
        var scope = Paths.scope(ctx);
        ResetRequest request = Json.read(ctx, ResetRequest.class);
        Duration grace = GracePeriods.parse(request.oldTokenValidFor());
        Instant at = ScheduleTimes.parse(request.at());
        if (at != null) {
            ScheduledResetResult scheduled = tokens.scheduleReset(actor, sid, scope, at, grace, auth.origin(ctx));
            Json.write(ctx, 202, new ScheduledResetView(sid.value(), scope.wireName(), scheduled.scheduledAt(),
                    scheduled.oldTokenValidUntil(), scheduled.noticesQueued()));
            return;
        }
        ResetResult result = tokens.reset(actor, sid, scope, grace, auth.origin(ctx));
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 200, new ResetView(sid.value(), scope.wireName(), result.authToken().reveal(),
                result.resetAt(), result.noticesQueued(), result.oldTokenValidUntil()));
    }

    void endGrace(Context ctx) {
        Actor actor = auth.require(ctx);
        AccountSid sid = Paths.accountSid(ctx);
        var scope = Paths.scope(ctx);
        Json.read(ctx, EmptyRequest.class);
        Json.write(ctx, 200, view(tokens.endGrace(actor, sid, scope, auth.origin(ctx))));
    }

    void cancelScheduledReset(Context ctx) {
        Actor actor = auth.require(ctx);
        tokens.cancelScheduledReset(actor, Paths.accountSid(ctx), Paths.scope(ctx), auth.origin(ctx));
        ctx.status(204);
    }

    void resetPreview(Context ctx) {
        Actor actor = auth.require(ctx);
        AccountSid sid = Paths.accountSid(ctx);
        TokenScope scope = Paths.scope(ctx);
        ResetPreview preview = previews.preview(actor, sid, scope);
        var pending = acknowledgements.unacknowledged(actor, sid).getOrDefault(scope, List.of());
        Json.write(ctx, 200, UsageViews.preview(preview, unacknowledged(pending)));
    }

    /** A card of tokens that were never reset: nobody owes an acknowledgement. */
    public static CardView view(LegacyTokenCard card) {
        return view(card, Map.of());
    }

    public static CardView view(LegacyTokenCard card, Map<TokenScope, List<Acknowledgements.Pending>> unacknowledged) {
        return new CardView(card.accountSid().value(), card.legacy(), card.apiVersion(), card.availableApiVersions(),
                card.createdAt(), view(card.readWrite(), unacknowledged.getOrDefault(TokenScope.READ_WRITE, List.of())),
                view(card.readOnly(), unacknowledged.getOrDefault(TokenScope.READ_ONLY, List.of())));
    }

    private static CardView.TokenView view(LegacyTokenCard.TokenState t, List<Acknowledgements.Pending> pending) {
        return t == null ? null : new CardView.TokenView(t.hint(), t.createdAt(), t.lastResetAt(), t.lastUsedAt(), null,
                UsageViews.staleUse(t.staleUse()), unacknowledged(pending), t.oldTokenValidUntil(), t.scheduledResetAt());
    }

    static List<CardView.UnacknowledgedView> unacknowledged(List<Acknowledgements.Pending> pending) {
        return pending.stream().map(p -> new CardView.UnacknowledgedView(p.integrationId(), p.name(), p.ownerEmail()))
                .toList();
    }

    private static CardView.TokenView withToken(CardView.TokenView t, String token) {
        return new CardView.TokenView(t.hint(), t.createdAt(), t.lastResetAt(), t.lastUsedAt(), token, t.staleUse(),
                t.unacknowledged(), t.oldTokenValidUntil(), t.scheduledResetAt());
    }
}
