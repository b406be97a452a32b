package org.tokendesk.web.ui;

import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tokendesk.domain.account.Account;
import org.tokendesk.domain.account.AccountService;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.audit.AuditLogService;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.web.ui.model.AuditPage;
import org.tokendesk.web.ui.model.SettingsPage;

/** The start, the settings page, the account picker and the audit log. */
final class AccountPages {

    private static final int AUDIT_PAGE = 50;
    /** The pages the account picker may lead to (the section of the page it was used on). */
    private static final Set<String> PICKER_TARGETS = Set.of("settings", "platform-rest", "integrations", "audit");

    private final AccountService accounts;
    private final AuditLogService auditLog;
    private final Renderer renderer;

    AccountPages(AccountService accounts, AuditLogService auditLog, Renderer renderer) {
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.renderer = renderer;
    }

    /** The start: the first account's Platform REST Web Services page, or sign in. */
    void home(Visit visit) {
        List<Account> mine = accounts.list(visit.actor());
        String target = mine.isEmpty() ? "/settings" : "/accounts/" + mine.get(0).sid().value() + "/platform-rest";
        visit.ctx().redirect(target, HttpStatus.SEE_OTHER);
    }

    void settingsStart(Visit visit) {
        List<Account> mine = accounts.list(visit.actor());
        if (mine.isEmpty()) {
            renderer.page(visit.ctx(), 200, "settings", new SettingsPage(visit.chrome(visit.t().get("nav.settings"),
                    "settings", List.of(), null)));
            return;
        }
        visit.ctx().redirect("/accounts/" + mine.get(0).sid().value() + "/settings", HttpStatus.SEE_OTHER);
    }

    void settings(Visit visit) {
        AccountVisit a = AccountVisit.of(visit, accounts);
        renderer.page(visit.ctx(), 200, "settings", new SettingsPage(a.chrome(a.t().get("nav.settings"), "settings")));
    }

    /** The header's account picker: a plain GET form, so it works without JavaScript. */
    void switchAccount(Visit visit) {
        AccountSid sid = AccountSid.parse(visit.ctx().queryParam("account"))
                .orElseThrow(() -> new NotFoundException("no such account"));
        accounts.get(visit.actor(), sid);
        String to = visit.ctx().queryParam("to");
        String page = to != null && PICKER_TARGETS.contains(to) ? to : "platform-rest";
        visit.ctx().redirect("/accounts/" + sid.value() + "/" + page, HttpStatus.SEE_OTHER);
    }

    void audit(Visit visit) {
        AccountVisit a = AccountVisit.of(visit, accounts);
        Long before = null;
        String cursor = visit.ctx().queryParam("before");
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw new NotFoundException("no such page of the audit log");
            }
        }
        var page = auditLog.page(a.actor(), a.sid(), before, AUDIT_PAGE);
        List<AuditPage.Row> rows = page.events().stream().map(AccountPages::row).toList();
        renderer.page(visit.ctx(), 200, "audit", new AuditPage(a.chrome(a.t().get("nav.audit"), "audit"), rows,
                page.next() == null ? null : a.path("audit?before=" + page.next()),
                before == null ? null : a.path("audit")));
    }

    private static AuditPage.Row row(AuditEvent e) {
        List<String> details = new ArrayList<>();
        for (Map.Entry<String, String> d : new TreeMap<>(e.details()).entrySet()) {
            details.add(d.getKey() + ": " + d.getValue());
        }
        return new AuditPage.Row(e.at(), e.actor(), e.action().wireName(), e.ip(), details);
    }
}
