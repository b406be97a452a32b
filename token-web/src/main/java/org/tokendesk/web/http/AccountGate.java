package org.tokendesk.web.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.tokendesk.domain.account.AccountService;

/**
 * Runs before every route under {@code /api/v1/accounts/{accountSid}}: the caller must be a member
 * of the account, else 404 — before the body is read or validated, so that nothing about the
 * account (not even that it exists) reaches a non-member. Platform admins may manage the members
 * of any account that exists (API.md section 2); the use case checks that.
 */
public final class AccountGate {

    private final Authenticator auth;
    private final AccountService accounts;

    public AccountGate(Authenticator auth, AccountService accounts) {
        this.auth = auth;
        this.accounts = accounts;
    }

    public void register(RoutesConfig routes) {
        routes.before("/api/v1/accounts/{accountSid}", this::check);
        routes.before("/api/v1/accounts/{accountSid}/*", this::check);
    }

    void check(Context ctx) {
        accounts.requireReachable(auth.require(ctx), Paths.accountSid(ctx), ctx.path().contains("/members/"));
    }
}
