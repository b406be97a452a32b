package org.tokendesk.web.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import org.tokendesk.domain.account.AccountService;
import org.tokendesk.domain.audit.AuditLogService;
import org.tokendesk.domain.integration.IntegrationService;
import org.tokendesk.domain.notice.Acknowledgements;
import org.tokendesk.domain.notice.NoticeService;
import org.tokendesk.domain.operator.SessionService;
import org.tokendesk.domain.token.LegacyTokenService;
import org.tokendesk.domain.token.ResetPreviews;
import org.tokendesk.domain.usage.UsageHistories;
import org.tokendesk.web.http.Authenticator;

/**
 * The operator's pages: server-rendered HTML on the same origin as the API, using the domain
 * services directly. Every form posts with a CSRF token; every action works without JavaScript.
 */
public final class UiRoutes {

    private static final String ACCOUNT = "/accounts/{sid}";

    private final Visits visits;
    private final UiFailures failures;
    private final StaticAssets assets = new StaticAssets();
    private final SignInPages signIn;
    private final AccountPages accountPages;
    private final TokenPages tokenPages;
    private final IntegrationPages integrationPages;

    /**
     * @param secureCookies whether cookies get {@code Secure} (the public URL is https)
     * @param tokenRedisplay whether tokens may be shown again after creation
     */
    public UiRoutes(Authenticator auth, SessionService sessions, AccountService accounts, LegacyTokenService tokens,
            ResetPreviews previews, UsageHistories histories, IntegrationService integrations, NoticeService notices,
            AuditLogService auditLog, Acknowledgements acknowledgements, boolean secureCookies, boolean tokenRedisplay) {
        Renderer renderer = new Renderer();
        this.visits = new Visits(sessions, auth, secureCookies);
        this.failures = new UiFailures(renderer);
        this.signIn = new SignInPages(sessions, visits, renderer);
        this.accountPages = new AccountPages(accounts, auditLog, renderer);
        this.tokenPages = new TokenPages(accounts, tokens, integrations, previews, histories, renderer,
                tokenRedisplay, acknowledgements);
        this.integrationPages = new IntegrationPages(accounts, integrations, notices, acknowledgements, renderer);
    }

    public void register(RoutesConfig routes) {
        routes.get("/ui/{file}", assets::serve);
        routes.get("/", page(accountPages::home));
        routes.get("/sign-in", page(signIn::form));
        routes.post("/sign-in", page(signIn::signIn));
        routes.post("/sign-out", page(signIn::signOut));
        routes.post("/language", page(signIn::language));
        routes.get("/settings", page(accountPages::settingsStart));
        routes.get("/switch-account", page(accountPages::switchAccount));
        routes.get(ACCOUNT + "/settings", page(accountPages::settings));
        routes.get(ACCOUNT + "/audit", page(accountPages::audit));

        routes.get(ACCOUNT + "/platform-rest", page(tokenPages::platformRest));
        routes.post(ACCOUNT + "/legacy-token/enable", page(tokenPages::enable));
        routes.get(ACCOUNT + "/legacy-token", page(tokenPages::overview));
        routes.post(ACCOUNT + "/legacy-token/api-version", page(tokenPages::changeApiVersion));
        routes.get(ACCOUNT + "/legacy-token/credentials", page(tokenPages::credentials));
        routes.post(ACCOUNT + "/legacy-token/credentials", page(tokenPages::reveal));
        routes.get(ACCOUNT + "/legacy-token/{scope}/reset", page(tokenPages::confirmReset));
        routes.post(ACCOUNT + "/legacy-token/{scope}/reset", page(tokenPages::reset));
        routes.post(ACCOUNT + "/legacy-token/{scope}/end-grace", page(tokenPages::endGrace));
        routes.post(ACCOUNT + "/legacy-token/{scope}/scheduled-reset/cancel", page(tokenPages::cancelScheduledReset));

        routes.get(ACCOUNT + "/integrations", page(integrationPages::list));
        routes.post(ACCOUNT + "/integrations", page(integrationPages::create));
        routes.get(ACCOUNT + "/integrations/{id}/edit", page(integrationPages::edit));
        routes.post(ACCOUNT + "/integrations/{id}", page(integrationPages::update));
        routes.get(ACCOUNT + "/integrations/{id}/remove", page(integrationPages::confirmRemove));
        routes.post(ACCOUNT + "/integrations/{id}/remove", page(integrationPages::remove));
        routes.post(ACCOUNT + "/integrations/{id}/rotate-secret", page(integrationPages::rotateSecret));
        routes.post(ACCOUNT + "/notices/{id}/redeliver", page(integrationPages::redeliver));

        routes.after(UiFailures::keepRenderedPage);
    }

    private Handler page(PageAction action) {
        return ctx -> {
            Visit visit = visits.of(ctx);
            try {
                action.handle(visit);
            } catch (RuntimeException failure) {
                failures.handle(visit, failure);
            }
        };
    }

    @FunctionalInterface
    private interface PageAction {
        void handle(Visit visit);
    }
}
