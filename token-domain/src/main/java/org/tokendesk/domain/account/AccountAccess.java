package org.tokendesk.domain.account;

import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.PermissionDeniedException;
import org.tokendesk.domain.operator.Actor;

/**
 * Who may act on an account. Non-members get "not found" (not "forbidden") so that the existence
 * of an account does not leak.
 */
public final class AccountAccess {

    private AccountAccess() {
    }

    public static Role requireMember(AccountStore accounts, Actor actor, AccountSid sid) {
        return accounts.role(sid, actor.operatorId()).orElseThrow(() -> notFound(sid));
    }

    public static void requireAdmin(AccountStore accounts, Actor actor, AccountSid sid) {
        if (requireMember(accounts, actor, sid) != Role.ADMIN) {
            throw new PermissionDeniedException("this action needs the admin role in the account");
        }
    }

    public static NotFoundException notFound(AccountSid sid) {
        return new NotFoundException("account " + sid + " was not found");
    }
}
