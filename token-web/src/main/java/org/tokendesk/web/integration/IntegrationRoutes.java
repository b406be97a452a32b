package org.tokendesk.web.integration;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.integration.IntegrationDraft;
import org.tokendesk.domain.integration.IntegrationService;
import org.tokendesk.domain.notice.Acknowledgements;
import org.tokendesk.domain.notice.Delivery;
import org.tokendesk.domain.notice.NoticeService;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.web.api.EmptyRequest;
import org.tokendesk.web.api.IntegrationRequest;
import org.tokendesk.web.api.IntegrationView;
import org.tokendesk.web.api.NoticeView;
import org.tokendesk.web.http.Authenticator;
import org.tokendesk.web.http.Json;
import org.tokendesk.web.http.Paths;

/** Integrations and the delivery log: API.md section 4. */
public final class IntegrationRoutes {

    private static final String BASE = "/api/v1/accounts/{accountSid}";

    private final IntegrationService integrations;
    private final NoticeService notices;
    private final Acknowledgements acknowledgements;
    private final Authenticator auth;

    public IntegrationRoutes(IntegrationService integrations, NoticeService notices, Acknowledgements acknowledgements,
            Authenticator auth) {
        this.acknowledgements = acknowledgements;
        this.integrations = integrations;
        this.notices = notices;
        this.auth = auth;
    }

    public void register(RoutesConfig routes) {
        routes.post(BASE + "/integrations", this::create);
        routes.get(BASE + "/integrations", this::list);
        routes.get(BASE + "/integrations/{id}", this::get);
        routes.patch(BASE + "/integrations/{id}", this::update);
        routes.delete(BASE + "/integrations/{id}", this::delete);
        routes.post(BASE + "/integrations/{id}/webhook-secret/rotate", this::rotate);
        routes.get(BASE + "/notices", this::notices);
        routes.post(BASE + "/notices/{id}/redeliver", this::redeliver);
    }

    void create(Context ctx) {
        Actor actor = auth.require(ctx);
        var sid = Paths.accountSid(ctx);
        var created = integrations.create(actor, sid, draft(Json.read(ctx, IntegrationRequest.class)), auth.origin(ctx));
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 201, view(created.integration(), created.webhookSecret().reveal()));
    }

    void list(Context ctx) {
        Actor actor = auth.require(ctx);
        Json.write(ctx, 200, new IntegrationView.IntegrationList(integrations.list(actor, Paths.accountSid(ctx)).stream()
                .map(i -> view(i, null)).toList()));
    }

    void get(Context ctx) {
        Actor actor = auth.require(ctx);
        Json.write(ctx, 200, view(integrations.get(actor, Paths.accountSid(ctx), ctx.pathParam("id")), null));
    }

    void update(Context ctx) {
        Actor actor = auth.require(ctx);
        var sid = Paths.accountSid(ctx);
        IntegrationDraft patch = draft(Json.read(ctx, IntegrationRequest.class));
        Json.write(ctx, 200, view(integrations.update(actor, sid, ctx.pathParam("id"), patch, auth.origin(ctx)), null));
    }

    void delete(Context ctx) {
        Actor actor = auth.require(ctx);
        integrations.delete(actor, Paths.accountSid(ctx), ctx.pathParam("id"), auth.origin(ctx));
        ctx.status(204);
    }

    void rotate(Context ctx) {
        Actor actor = auth.require(ctx);
        var sid = Paths.accountSid(ctx);
        Json.read(ctx, EmptyRequest.class);
        var rotated = integrations.rotateSecret(actor, sid, ctx.pathParam("id"), auth.origin(ctx));
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, 200, view(rotated.integration(), rotated.webhookSecret().reveal()));
    }

    void notices(Context ctx) {
        Actor actor = auth.require(ctx);
        int limit = 100;
        String param = ctx.queryParam("limit");
        if (param != null) {
            try {
                limit = Integer.parseInt(param);
            } catch (NumberFormatException e) {
                throw org.tokendesk.domain.common.ValidationException.of("limit", "must be a whole number from 1 to "
                        + NoticeService.MAX_LIST);
            }
        }
        var sid = Paths.accountSid(ctx);
        List<Delivery> deliveries = notices.list(actor, sid, limit);
        Map<String, Instant> acknowledged = acknowledgements.acknowledgedAt(actor, sid, deliveries);
        Json.write(ctx, 200, new NoticeView.NoticeList(deliveries.stream()
                .map(d -> view(d, d.ackId() == null ? null : acknowledged.get(d.ackId()))).toList()));
    }

    void redeliver(Context ctx) {
        Actor actor = auth.require(ctx);
        var sid = Paths.accountSid(ctx);
        Json.read(ctx, EmptyRequest.class);
        notices.redeliver(actor, sid, ctx.pathParam("id"), auth.origin(ctx));
        ctx.status(202);
    }

    private static IntegrationDraft draft(IntegrationRequest r) {
        return new IntegrationDraft(r.name(), r.ownerName(), r.ownerEmail(), r.ownerLocale(), r.webhookUrl(), r.scopes(),
                r.channels());
    }

    public static IntegrationView view(Integration i, String secret) {
        return new IntegrationView(i.id(), i.accountSid().value(), i.name(), i.ownerName(), i.ownerEmail(), i.ownerLocale(),
                i.webhookUrl() == null ? null : i.webhookUrl().toString(),
                i.scopes().stream().map(TokenScope::wireName).sorted().collect(Collectors.toList()), i.channels(),
                i.webhookUrl() != null && i.webhookDisabledReason() == null, i.webhookDisabledReason(), i.createdAt(),
                i.updatedAt(), secret);
    }

    public static NoticeView view(Delivery d, Instant acknowledgedAt) {
        return new NoticeView(d.id(), d.integrationId(), d.integrationName(), d.channel(), d.type(), d.scope().wireName(),
                d.status().wireName(), d.attempts(), d.status().wireName().equals("pending") ? d.nextAttemptAt() : null,
                d.lastError(), d.createdAt(), d.deliveredAt(), acknowledgedAt);
    }
}
