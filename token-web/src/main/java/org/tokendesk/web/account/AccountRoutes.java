package org.tokendesk.web.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.tokendesk.domain.account.Account;
import org.tokendesk.domain.account.AccountService;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.account.Role;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.audit.AuditLogService;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.web.api.AccountView;
import org.tokendesk.web.api.AuditEventView;
import org.tokendesk.web.api.MemberRequest;
import org.tokendesk.web.api.MemberView;
import org.tokendesk.web.api.NameRequest;
import org.tokendesk.web.http.Authenticator;
import org.tokendesk.web.http.Json;
import org.tokendesk.web.http.Paths;

/** Accounts, members and the audit log: API.md sections 2, 3 and 4. */
public final class AccountRoutes {

    private final AccountService accounts;
    private final AuditLogService auditLog;
    private final Authenticator auth;

    public AccountRoutes(AccountService accounts, AuditLogService auditLog, Authenticator auth) {
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.auth = auth;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/accounts", this::create);
        routes.get("/api/v1/accounts", this::list);
        routes.get("/api/v1/accounts/{accountSid}", this::get);
        routes.put("/api/v1/accounts/{accountSid}/members/{email}", this::putMember);
        routes.delete("/api/v1/accounts/{accountSid}/members/{email}", this::removeMember);
        routes.get("/api/v1/accounts/{accountSid}/audit", this::audit);
    }

    void create(Context ctx) {
        Actor actor = auth.require(ctx);
        NameRequest request = Json.read(ctx, NameRequest.class);
        Json.write(ctx, 201, view(accounts.create(actor, request.name(), auth.origin(ctx))));
    }

    void list(Context ctx) {
        Actor actor = auth.require(ctx);
        Json.write(ctx, 200, new AccountView.AccountList(accounts.list(actor).stream().map(AccountRoutes::view).toList()));
    }

    void get(Context ctx) {
        Actor actor = auth.require(ctx);
        Json.write(ctx, 200, view(accounts.get(actor, Paths.accountSid(ctx))));
    }

    void putMember(Context ctx) {
        Actor actor = auth.require(ctx);
        AccountSid sid = Paths.accountSid(ctx);
        MemberRequest request = Json.read(ctx, MemberRequest.class);
        Role role = Role.fromWire(request.role()).orElse(null);
        var membership = accounts.putMember(actor, sid, email(ctx), role, auth.origin(ctx));
        Json.write(ctx, 200, new MemberView(sid.value(), email(ctx).strip().toLowerCase(java.util.Locale.ROOT),
                membership.role().wireName()));
    }

    void removeMember(Context ctx) {
        Actor actor = auth.require(ctx);
        accounts.removeMember(actor, Paths.accountSid(ctx), email(ctx), auth.origin(ctx));
        ctx.status(204);
    }

    void audit(Context ctx) {
        Actor actor = auth.require(ctx);
        Long before = null;
        String cursor = ctx.queryParam("before");
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw ValidationException.of("before", "must be the next value of a previous page");
            }
        }
        int limit = 50;
        String limitParam = ctx.queryParam("limit");
        if (limitParam != null) {
            try {
                limit = Integer.parseInt(limitParam);
            } catch (NumberFormatException e) {
                throw ValidationException.of("limit", "must be a whole number from 1 to " + AuditLogService.MAX_PAGE);
            }
        }
        var page = auditLog.page(actor, Paths.accountSid(ctx), before, limit);
        Json.write(ctx, 200, new AuditEventView.AuditPage(page.events().stream().map(AccountRoutes::view).toList(),
                page.next() == null ? null : page.next().toString()));
    }

    private static String email(Context ctx) {
        return ctx.pathParam("email");
    }

    static AccountView view(Account a) {
        return new AccountView(a.sid().value(), a.name(), a.legacyTokensEnabled(), a.createdAt());
    }

    static AuditEventView view(AuditEvent e) {
        return new AuditEventView(e.id(), e.at(), e.actor(), e.action().wireName(),
                e.accountSid() == null ? null : e.accountSid().value(), e.ip(), e.details());
    }
}
