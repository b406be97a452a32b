package org.tokendesk.web.ui;

import java.util.List;
import org.tokendesk.domain.account.Account;
import org.tokendesk.domain.account.AccountService;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.account.Role;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.web.ui.model.AccountOption;
import org.tokendesk.web.ui.model.Chrome;

/**
 * A page request about one account the operator belongs to; anyone else gets "not found", as in
 * the API, so that the existence of an account does not leak.
 *
 * @param visit the request
 * @param actor who
 * @param account the account
 * @param role their role in it
 * @param all every account they may pick
 */
record AccountVisit(Visit visit, Actor actor, Account account, Role role, List<Account> all) {

    static AccountVisit of(Visit visit, AccountService accounts) {
        Actor actor = visit.actor();
        AccountSid sid = AccountSid.parse(visit.ctx().pathParam("sid"))
                .orElseThrow(() -> new NotFoundException("no such account"));
        Account account = accounts.get(actor, sid);
        return new AccountVisit(visit, actor, account, accounts.roleOf(actor, sid), accounts.list(actor));
    }

    AccountSid sid() {
        return account.sid();
    }

    boolean admin() {
        return role == Role.ADMIN;
    }

    void requireAdmin() {
        if (!admin()) {
            throw new UiException.AdminOnly();
        }
    }

    Messages t() {
        return visit.t();
    }

    String path(String tail) {
        return "/accounts/" + account.sid().value() + "/" + tail;
    }

    Chrome chrome(String title, String section) {
        return visit.chrome(title, section, options(all), option(account, role));
    }

    static List<AccountOption> options(List<Account> accounts) {
        return accounts.stream().map(a -> new AccountOption(a.sid().value(), a.name(), "")).toList();
    }

    private static AccountOption option(Account account, Role role) {
        return new AccountOption(account.sid().value(), account.name(), role.wireName());
    }
}
