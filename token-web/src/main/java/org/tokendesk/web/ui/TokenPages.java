package org.tokendesk.web.ui;

import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tokendesk.domain.account.AccountService;
import org.tokendesk.domain.common.ConflictException;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.integration.IntegrationService;
import org.tokendesk.domain.notice.Acknowledgements;
import org.tokendesk.domain.token.EnabledTokens;
import org.tokendesk.domain.token.LegacyTokenCard;
import org.tokendesk.domain.token.LegacyTokenService;
import org.tokendesk.domain.token.ResetPreviews;
import org.tokendesk.domain.token.ResetResult;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.usage.ClientUse;
import org.tokendesk.domain.usage.StaleUse;
import org.tokendesk.domain.usage.UsageHistories;
import org.tokendesk.web.token.GracePeriods;
import org.tokendesk.web.ui.model.CardModel;
import org.tokendesk.web.ui.model.PlatformRestPage;
import org.tokendesk.web.ui.model.ResetConfirmPage;
import org.tokendesk.web.ui.model.ResetPreview;
import org.tokendesk.web.ui.model.ResetUsage;
import org.tokendesk.web.ui.model.SecretPage;
import org.tokendesk.web.ui.model.SecretPanel;
import org.tokendesk.web.ui.model.TokenPage;
import org.tokendesk.web.ui.model.TokenRow;

/** Platform REST Web Services: enable, the card, its menu and resets, and the token pages. */
final class TokenPages {

    private final AccountService accounts;
    private final LegacyTokenService tokens;
    private final IntegrationService integrations;
    private final ResetPreviews previews;
    private final UsageHistories histories;
    private final Renderer renderer;
    private final boolean redisplay;
    private final Acknowledgements acknowledgements;
    // only for "n min left" next to a time the domain computed; checks never read it
    private final Clock clock = Clock.systemUTC();

    TokenPages(AccountService accounts, LegacyTokenService tokens, IntegrationService integrations,
            ResetPreviews previews, UsageHistories histories, Renderer renderer, boolean redisplay,
            Acknowledgements acknowledgements) {
        this.previews = previews;
        this.histories = histories;
        this.acknowledgements = acknowledgements;
        this.accounts = accounts;
        this.tokens = tokens;
        this.integrations = integrations;
        this.renderer = renderer;
        this.redisplay = redisplay;
    }

    void platformRest(Visit visit) {
        AccountVisit a = AccountVisit.of(visit, accounts);
        LegacyTokenCard card = cardOrNull(a);
        PlatformRestPage page = platformRestPage(a, card, null);
        renderer.page(visit.ctx(), 200, "platformRest", new PlatformRestPage(page.chrome(), page.admin(), page.card(),
                page.previews(), null, flash(a, visit, card)));
    }

    /** After a redirect: {@code ?scheduled=read-write} or {@code ?cancelled=read-only} says what was done. */
    private static String flash(AccountVisit a, Visit visit, LegacyTokenCard card) {
        var t = a.t();
        Optional<TokenScope> scheduled = TokenScope.fromPath(String.valueOf(visit.ctx().queryParam("scheduled")));
        if (scheduled.isPresent() && card != null) {
            LegacyTokenCard.TokenState state = scheduled.get() == TokenScope.READ_WRITE ? card.readWrite()
                    : card.readOnly();
            if (state != null && state.scheduledResetAt() != null) {
                return t.format("flash.scheduled." + scheduled.get().wireName(), t.time(state.scheduledResetAt()));
            }
        }
        Optional<TokenScope> cancelled = TokenScope.fromPath(String.valueOf(visit.ctx().queryParam("cancelled")));
        return cancelled.map(scope -> t.get("flash.cancelled." + scope.wireName())).orElse(null);
    }

    /** "Enable legacy tokens": a form post that redirects, or for the page's script the new card alone. */
    void enable(Visit visit) {
        visit.requireCsrf();
        AccountVisit a = AccountVisit.of(visit, accounts);
        a.requireAdmin();
        EnabledTokens enabled = tokens.enable(a.actor(), a.sid(), visit.origin());
        SecretPanel once = redisplay ? null : enabledOnce(a, enabled);
        PlatformRestPage page = platformRestPage(a, enabled.card(), once);
        if (visit.fromScript()) {
            renderer.send(visit.ctx(), 200, renderer.render("legacyArea", page));
        } else if (once != null) {
            renderer.page(visit.ctx(), 200, "platformRest", page);
        } else {
            visit.ctx().redirect(a.path("platform-rest"), HttpStatus.SEE_OTHER);
        }
    }

    void confirmReset(Visit visit) {
        AccountVisit a = AccountVisit.of(visit, accounts);
        a.requireAdmin();
        TokenScope scope = scope(visit);
        requireCard(a);
        String title = a.t().get("reset.title." + scope.wireName());
        renderer.page(visit.ctx(), 200, "resetConfirm", new ResetConfirmPage(a.chrome(title, "platform-rest"),
                preview(a, scope), usage(previews.preview(a.actor(), a.sid(), scope))));
    }

    /**
     * The new token, shown once in the answer to the post itself: never in a URL, never cached. With
     * "At a scheduled time" the reset is scheduled instead, and the card shows when it will run.
     */
    void reset(Visit visit) {
        visit.requireCsrf();
        AccountVisit a = AccountVisit.of(visit, accounts);
        a.requireAdmin();
        TokenScope scope = scope(visit);
        var t = a.t();
        if ("at".equals(visit.ctx().formParam("when"))) {
            schedule(a, scope, visit);
            visit.ctx().redirect(a.path("platform-rest?scheduled=" + scope.pathName()), HttpStatus.SEE_OTHER);
            return;
        }
        ResetResult result = resetWithGrace(a, scope, visit);
        List<String> notes = new ArrayList<>();
        notes.add(t.get(redisplay ? "reset.done.again" : "reset.done.once"));
        notes.add(result.oldTokenValidUntil() == null ? t.get("reset.explain.invalid")
                : t.format("reset.done.graceUntil", t.time(result.oldTokenValidUntil())));
        notes.add(t.format("reset.done.notices", result.noticesQueued()));
        SecretPanel panel = new SecretPanel(t.get("reset.done.heading." + scope.wireName()), notes,
                List.of(new SecretPanel.SecretLine("new-token", t.get("creds.authToken"), result.authToken().reveal())));
        renderer.page(visit.ctx(), 200, "secret", new SecretPage(a.chrome(t.get("reset.done.title"), "platform-rest"),
                panel, a.path("platform-rest"), t.get("reset.done.back")));
    }

    /** "End now": the old token of the scope stops passing checks at once; back to the page it was on. */
    void endGrace(Visit visit) {
        visit.requireCsrf();
        AccountVisit a = AccountVisit.of(visit, accounts);
        a.requireAdmin();
        tokens.endGrace(a.actor(), a.sid(), scope(visit), visit.origin());
        String back = "legacy-token".equals(visit.ctx().formParam("return")) ? "legacy-token" : "platform-rest";
        visit.ctx().redirect(a.path(back), HttpStatus.SEE_OTHER);
    }

    /** "Cancel scheduled reset"; one that has just run is gone, and the card then shows the reset. */
    void cancelScheduledReset(Visit visit) {
        visit.requireCsrf();
        AccountVisit a = AccountVisit.of(visit, accounts);
        a.requireAdmin();
        TokenScope scope = scope(visit);
        boolean cancelled;
        try {
            tokens.cancelScheduledReset(a.actor(), a.sid(), scope, visit.origin());
            cancelled = true;
        } catch (NotFoundException alreadyRan) {
            requireCard(a);
            cancelled = false;
        }
        String back = "legacy-token".equals(visit.ctx().formParam("return")) ? "legacy-token"
                : cancelled ? "platform-rest?cancelled=" + scope.pathName() : "platform-rest";
        visit.ctx().redirect(a.path(back), HttpStatus.SEE_OTHER);
    }

    /**
     * The form's {@code datetime-local} value is read as UTC (the label says so); refusals in the
     * operator's language.
     */
    private void schedule(AccountVisit a, TokenScope scope, Visit visit) {
        var t = a.t();
        String chosen = visit.ctx().formParam("at");
        Instant at;
        try {
            at = LocalDateTime.parse(chosen == null ? "" : chosen.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ValidationException.of("at", t.get("reset.when.invalid"));
        }
        try {
            tokens.scheduleReset(a.actor(), a.sid(), scope, at, grace(visit), visit.origin());
        } catch (ValidationException invalid) {
            throw inOperatorsLanguage(a, invalid);
        } catch (ConflictException refused) {
            // the domain refuses for one of two reasons; re-display is a setting of this node
            throw new ConflictException(t.get(redisplay ? "reset.when.pending" : "reset.when.noRedisplay"));
        }
    }

    private ResetResult resetWithGrace(AccountVisit a, TokenScope scope, Visit visit) {
        try {
            return tokens.reset(a.actor(), a.sid(), scope, grace(visit), visit.origin());
        } catch (ValidationException invalid) {
            throw inOperatorsLanguage(a, invalid);
        }
    }

    /** The form's grace period, read like the API's {@code oldTokenValidFor}; the domain checks its range. */
    private static Duration grace(Visit visit) {
        String chosen = visit.ctx().formParam("oldTokenValidFor");
        return GracePeriods.parse(chosen == null || chosen.isBlank() ? null : chosen);
    }

    /** A refusal of the time or the grace period of a reset, said as the form says it. */
    private static ValidationException inOperatorsLanguage(AccountVisit a, ValidationException invalid) {
        for (var error : invalid.errors()) {
            if ("at".equals(error.field())) {
                return ValidationException.of("at", a.t().get("reset.when.invalid"));
            }
            if ("oldTokenValidFor".equals(error.field())) {
                return ValidationException.of("oldTokenValidFor", a.t().get("reset.grace.invalid"));
            }
        }
        return invalid;
    }

    void overview(Visit visit) {
        tokenPage(visit, "overview");
    }

    void credentials(Visit visit) {
        tokenPage(visit, "credentials");
    }

    /** Show without JavaScript: a post (with CSRF) whose answer carries the tokens, not stored by the browser. */
    void reveal(Visit visit) {
        visit.requireCsrf();
        AccountVisit a = AccountVisit.of(visit, accounts);
        a.requireAdmin();
        var credentials = tokens.reveal(a.actor(), a.sid(), visit.origin());
        LegacyTokenCard card = tokens.card(a.actor(), a.sid());
        renderer.page(visit.ctx(), 200, "legacyToken", new TokenPage(a.chrome(a.t().get("card.title"), "platform-rest"),
                true, redisplay, card(a, card), "credentials", false,
                new TokenPage.Revealed(credentials.readWrite().reveal(), credentials.readOnly().reveal()), List.of()));
    }

    void changeApiVersion(Visit visit) {
        visit.requireCsrf();
        AccountVisit a = AccountVisit.of(visit, accounts);
        a.requireAdmin();
        tokens.changeApiVersion(a.actor(), a.sid(), visit.ctx().formParam("apiVersion"), visit.origin());
        if (visit.fromScript()) {
            Renderer.headers(visit.ctx());
            visit.ctx().status(204);
        } else {
            visit.ctx().redirect(a.path("legacy-token?saved=1"), HttpStatus.SEE_OTHER);
        }
    }

    private void tokenPage(Visit visit, String tab) {
        AccountVisit a = AccountVisit.of(visit, accounts);
        LegacyTokenCard card = cardOrNull(a);
        if (card == null) {
            visit.ctx().redirect(a.path("platform-rest"), HttpStatus.SEE_OTHER);
            return;
        }
        boolean saved = "1".equals(visit.ctx().queryParam("saved"));
        renderer.page(visit.ctx(), 200, "legacyToken", new TokenPage(a.chrome(a.t().get("card.title"), "platform-rest"),
                a.admin(), redisplay, card(a, card), tab, saved, null, "overview".equals(tab)
                        ? histories.lastWeek(a.actor(), a.sid()).stream().map(h -> UsageCharts.of(h, a.t())).toList()
                        : List.of()));
    }

    private PlatformRestPage platformRestPage(AccountVisit a, LegacyTokenCard card, SecretPanel once) {
        List<ResetPreview> previews = card != null && a.admin()
                ? List.of(preview(a, TokenScope.READ_WRITE), preview(a, TokenScope.READ_ONLY)) : List.of();
        return new PlatformRestPage(a.chrome(a.t().get("nav.platformRest"), "platform-rest"), a.admin(),
                card == null ? null : card(a, card), previews, once, null);
    }

    /** Who a reset of the scope will tell: the integrations that depend on it, over the channels that will deliver. */
    private ResetPreview preview(AccountVisit a, TokenScope scope) {
        List<ResetPreview.Notified> told = integrations.list(a.actor(), a.sid()).stream()
                .filter(i -> i.dependsOn(scope))
                .map((Integration i) -> new ResetPreview.Notified(i.name(), i.ownerEmail(), integrations.notifiedChannels(i)))
                .toList();
        return new ResetPreview(scope.wireName(), scope.pathName(), told, redisplay);
    }

    private static ResetUsage usage(org.tokendesk.domain.token.ResetPreview preview) {
        StaleUse stale = preview.staleUse();
        return new ResetUsage(preview.lastUsedAt(), preview.recentClients().stream().map(TokenPages::client).toList(),
                stale == null ? 0 : stale.count(), stale == null ? 0 : stale.clientCount(),
                stale == null ? null : stale.lastSeenAt(),
                stale == null ? List.of() : stale.clients().stream().map(TokenPages::client).toList());
    }

    private static ResetUsage.Client client(ClientUse use) {
        return new ResetUsage.Client(use.client().address(), use.client().userAgent(), use.client().uri(), use.count(),
                use.lastSeenAt());
    }

    private SecretPanel enabledOnce(AccountVisit a, EnabledTokens enabled) {
        var t = a.t();
        return new SecretPanel(t.get("enable.once.heading"), List.of(t.get("enable.once.note")), List.of(
                new SecretPanel.SecretLine("new-token-rw", t.get("scope.token.read_write"), enabled.readWrite().reveal()),
                new SecretPanel.SecretLine("new-token-ro", t.get("scope.token.read_only"), enabled.readOnly().reveal())));
    }

    /** The card, or null while the account has no legacy tokens (membership was checked before). */
    private LegacyTokenCard cardOrNull(AccountVisit a) {
        try {
            return tokens.card(a.actor(), a.sid());
        } catch (NotFoundException none) {
            return null;
        }
    }

    private void requireCard(AccountVisit a) {
        tokens.card(a.actor(), a.sid());
    }

    private static TokenScope scope(Visit visit) {
        return TokenScope.fromPath(visit.ctx().pathParam("scope"))
                .orElseThrow(() -> new NotFoundException("the scope must be read-write or read-only"));
    }

    private CardModel card(AccountVisit a, LegacyTokenCard card) {
        Map<TokenScope, List<Acknowledgements.Pending>> pending = acknowledgements.unacknowledged(a.actor(), a.sid());
        List<TokenRow> rows = new ArrayList<>();
        if (card.readWrite() != null) {
            rows.add(row(a, TokenScope.READ_WRITE, card.readWrite(), pending.get(TokenScope.READ_WRITE)));
        }
        if (card.readOnly() != null) {
            rows.add(row(a, TokenScope.READ_ONLY, card.readOnly(), pending.get(TokenScope.READ_ONLY)));
        }
        return new CardModel(card.accountSid().value(), card.legacy(), card.apiVersion(), card.availableApiVersions(),
                card.createdAt(), rows);
    }

    private TokenRow row(AccountVisit a, TokenScope scope, LegacyTokenCard.TokenState state,
            List<Acknowledgements.Pending> pending) {
        Instant until = state.oldTokenValidUntil();
        return new TokenRow(scope.wireName(), scope.pathName(), state.hint(), state.createdAt(), state.lastResetAt(),
                state.lastUsedAt(), pending == null ? List.of() : pending.stream()
                        .map(p -> new TokenRow.Unconfirmed(p.name(), p.ownerEmail())).toList(),
                until, until == null ? null : timeLeft(a.t(), Duration.between(clock.instant(), until)),
                state.scheduledResetAt());
    }

    /** Whole minutes below two hours, whole hours above; never less than one minute. */
    private static String timeLeft(Messages t, Duration left) {
        long minutes = Math.max(1, (left.toSeconds() + 59) / 60);
        return minutes < 120 ? t.format("card.grace.minutes", minutes) : t.format("card.grace.hours", minutes / 60);
    }
}
