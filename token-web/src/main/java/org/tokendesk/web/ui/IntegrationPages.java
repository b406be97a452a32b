package org.tokendesk.web.ui;

import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.tokendesk.domain.account.AccountService;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.integration.IntegrationDraft;
import org.tokendesk.domain.integration.IntegrationService;
import org.tokendesk.domain.notice.Acknowledgements;
import org.tokendesk.domain.notice.Delivery;
import org.tokendesk.domain.notice.NoticeService;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.web.ui.model.DeliveryRow;
import org.tokendesk.web.ui.model.IntegrationEditPage;
import org.tokendesk.web.ui.model.IntegrationForm;
import org.tokendesk.web.ui.model.IntegrationRemovePage;
import org.tokendesk.web.ui.model.IntegrationRow;
import org.tokendesk.web.ui.model.IntegrationsPage;
import org.tokendesk.web.ui.model.SecretPage;
import org.tokendesk.web.ui.model.SecretPanel;

/** Integrations (add, edit, remove, rotate the webhook secret) and the delivery log with Redeliver. */
final class IntegrationPages {

    private static final int LOG_SIZE = 100;

    private final AccountService accounts;
    private final IntegrationService integrations;
    private final NoticeService notices;
    private final Acknowledgements acknowledgements;
    private final Renderer renderer;

    IntegrationPages(AccountService accounts, IntegrationService integrations, NoticeService notices,
            Acknowledgements acknowledgements, Renderer renderer) {
        this.acknowledgements = acknowledgements;
        this.accounts = accounts;
        this.integrations = integrations;
        this.notices = notices;
        this.renderer = renderer;
    }

    void list(Visit visit) {
        AccountVisit a = AccountVisit.of(visit, accounts);
        String done = visit.ctx().queryParam("done");
        String flash = done != null && done.matches("[a-z]{1,20}") ? a.t().get("integrations.done." + done) : null;
        render(a, 200, IntegrationForm.EMPTY, flash);
    }

    void create(Visit visit) {
        visit.requireCsrf();
        AccountVisit a = AccountVisit.of(visit, accounts);
        a.requireAdmin();
        IntegrationForm form = form(visit);
        IntegrationService.WithSecret created;
        try {
            created = integrations.create(a.actor(), a.sid(), draft(form), visit.origin());
        } catch (ValidationException invalid) {
            render(a, 422, form.withProblems(problems(invalid)), null);
            return;
        }
        showSecret(a, created, "integrations.created.title");
    }

    void edit(Visit visit) {
        AccountVisit a = AccountVisit.of(visit, accounts);
        a.requireAdmin();
        Integration i = integrations.get(a.actor(), a.sid(), visit.ctx().pathParam("id"));
        renderEdit(a, 200, i.id(), new IntegrationForm(i.name(), i.ownerName(), i.ownerEmail(), i.ownerLocale(),
                i.webhookUrl() == null ? "" : i.webhookUrl().toString(), i.dependsOn(TokenScope.READ_WRITE),
                i.dependsOn(TokenScope.READ_ONLY), List.of()));
    }

    void update(Visit visit) {
        visit.requireCsrf();
        AccountVisit a = AccountVisit.of(visit, accounts);
        a.requireAdmin();
        String id = visit.ctx().pathParam("id");
        IntegrationForm form = form(visit);
        try {
            integrations.update(a.actor(), a.sid(), id, draft(form), visit.origin());
        } catch (ValidationException invalid) {
            renderEdit(a, 422, id, form.withProblems(problems(invalid)));
            return;
        }
        visit.ctx().redirect(a.path("integrations?done=saved"), HttpStatus.SEE_OTHER);
    }

    void confirmRemove(Visit visit) {
        AccountVisit a = AccountVisit.of(visit, accounts);
        a.requireAdmin();
        Integration i = integrations.get(a.actor(), a.sid(), visit.ctx().pathParam("id"));
        renderer.page(visit.ctx(), 200, "integrationRemove", new IntegrationRemovePage(
                a.chrome(a.t().get("integrations.removeTitle"), "integrations"), i.id(), i.name()));
    }

    void remove(Visit visit) {
        visit.requireCsrf();
        AccountVisit a = AccountVisit.of(visit, accounts);
        a.requireAdmin();
        integrations.delete(a.actor(), a.sid(), visit.ctx().pathParam("id"), visit.origin());
        visit.ctx().redirect(a.path("integrations?done=removed"), HttpStatus.SEE_OTHER);
    }

    void rotateSecret(Visit visit) {
        visit.requireCsrf();
        AccountVisit a = AccountVisit.of(visit, accounts);
        a.requireAdmin();
        showSecret(a, integrations.rotateSecret(a.actor(), a.sid(), visit.ctx().pathParam("id"), visit.origin()),
                "integrations.rotated.title");
    }

    void redeliver(Visit visit) {
        visit.requireCsrf();
        AccountVisit a = AccountVisit.of(visit, accounts);
        a.requireAdmin();
        notices.redeliver(a.actor(), a.sid(), visit.ctx().pathParam("id"), visit.origin());
        visit.ctx().redirect(a.path("integrations?done=redelivered#log-title"), HttpStatus.SEE_OTHER);
    }

    private void showSecret(AccountVisit a, IntegrationService.WithSecret with, String titleKey) {
        var t = a.t();
        SecretPanel panel = new SecretPanel(t.format("integrations.secret.heading", with.integration().name()),
                List.of(t.get("integrations.secret.note"), t.get("integrations.secret.previous")),
                List.of(new SecretPanel.SecretLine("webhook-secret", t.get("integrations.secret.label"),
                        with.webhookSecret().reveal())));
        renderer.page(a.visit().ctx(), 200, "secret", new SecretPage(a.chrome(t.get(titleKey), "integrations"), panel,
                a.path("integrations"), t.get("integrations.back")));
    }

    private void render(AccountVisit a, int status, IntegrationForm form, String flash) {
        List<IntegrationRow> rows = integrations.list(a.actor(), a.sid()).stream().map(IntegrationPages::row).toList();
        List<Delivery> deliveries = notices.list(a.actor(), a.sid(), LOG_SIZE);
        Map<String, Instant> acknowledged = acknowledgements.acknowledgedAt(a.actor(), a.sid(), deliveries);
        List<DeliveryRow> log = deliveries.stream()
                .map(d -> row(d, d.ackId() == null ? null : acknowledged.get(d.ackId()))).toList();
        renderer.page(a.visit().ctx(), status, "integrations", new IntegrationsPage(
                a.chrome(a.t().get("nav.integrations"), "integrations"), a.admin(), rows, log, form, flash));
    }

    private void renderEdit(AccountVisit a, int status, String id, IntegrationForm form) {
        renderer.page(a.visit().ctx(), status, "integrationEdit", new IntegrationEditPage(
                a.chrome(a.t().format("integrations.editTitle", form.name()), "integrations"), id, form));
    }

    private static IntegrationForm form(Visit visit) {
        var ctx = visit.ctx();
        List<String> scopes = ctx.formParams("scopes");
        return new IntegrationForm(text(ctx.formParam("name")), text(ctx.formParam("ownerName")),
                text(ctx.formParam("ownerEmail")), text(ctx.formParam("ownerLocale")), text(ctx.formParam("webhookUrl")),
                scopes.contains(TokenScope.READ_WRITE.wireName()), scopes.contains(TokenScope.READ_ONLY.wireName()),
                List.of());
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** An empty webhook field means "no webhook" (it removes one on edit). */
    private static IntegrationDraft draft(IntegrationForm form) {
        List<String> scopes = new java.util.ArrayList<>();
        if (form.readWrite()) {
            scopes.add(TokenScope.READ_WRITE.wireName());
        }
        if (form.readOnly()) {
            scopes.add(TokenScope.READ_ONLY.wireName());
        }
        return new IntegrationDraft(form.name(), form.ownerName(), form.ownerEmail(),
                form.ownerLocale().isEmpty() ? null : form.ownerLocale(), form.webhookUrl(), scopes, null);
    }

    private static List<IntegrationForm.FieldProblem> problems(ValidationException invalid) {
        return invalid.errors().stream().map(e -> new IntegrationForm.FieldProblem(e.field(), e.message())).toList();
    }

    private static IntegrationRow row(Integration i) {
        return new IntegrationRow(i.id(), i.name(), i.ownerName(), i.ownerEmail(), i.ownerLocale(),
                i.webhookUrl() == null ? null : i.webhookUrl().toString(),
                i.scopes().stream().map(TokenScope::wireName).sorted().toList(), i.channels(), i.webhookDisabledReason());
    }

    private static DeliveryRow row(Delivery d, Instant acknowledgedAt) {
        String status = d.status().wireName();
        return new DeliveryRow(d.id(), d.integrationName(), d.channel(), d.type(), d.scope().wireName(), status,
                d.attempts(), "pending".equals(status) ? d.nextAttemptAt() : null, d.lastError(), d.createdAt(),
                d.deliveredAt(), acknowledgedAt);
    }
}
