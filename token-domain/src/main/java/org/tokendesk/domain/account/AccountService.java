package org.tokendesk.domain.account;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditTrail;
import org.tokendesk.domain.common.ConflictException;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.PermissionDeniedException;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.operator.EmailAddress;
import org.tokendesk.domain.operator.Operator;
import org.tokendesk.domain.secret.SecretGenerator;
import org.tokendesk.domain.tx.Stores;
import org.tokendesk.domain.tx.Transactions;

/** Accounts and their members. */
public final class AccountService {

    public static final int MAX_NAME_LENGTH = 200;

    private final Transactions tx;
    private final SecretGenerator random;
    private final Clock clock;
    private final AuditTrail audit;

    public AccountService(Transactions tx, SecretGenerator random, Clock clock) {
        this.tx = tx;
        this.random = random;
        this.clock = clock;
        this.audit = new AuditTrail(clock);
    }

    /** Platform admins only; the creator becomes an admin member. */
    public Account create(Actor actor, String name, RequestOrigin origin) {
        requirePlatformAdmin(actor);
        String cleanName = requireName(name);
        return tx.write(s -> {
            Account account = new Account(AccountSid.generate(random), cleanName, false, clock.instant());
            s.accounts().insert(account);
            s.accounts().putMember(new Membership(account.sid(), actor.operatorId(), Role.ADMIN));
            audit.record(s.audit(), actor, origin, AuditAction.ACCOUNT_CREATED, account.sid(), Map.of("name", cleanName));
            return account;
        });
    }

    public List<Account> list(Actor actor) {
        return tx.read(s -> s.accounts().listForMember(actor.operatorId()));
    }

    public Account get(Actor actor, AccountSid sid) {
        return tx.read(s -> {
            AccountAccess.requireMember(s.accounts(), actor, sid);
            return s.accounts().find(sid).orElseThrow(() -> AccountAccess.notFound(sid));
        });
    }

    /**
     * Whether the caller may reach the account at all: members may; a platform admin may also
     * manage the members of any existing account (API.md section 2). Everyone else gets "not
     * found", before anything about the request is looked at.
     */
    public void requireReachable(Actor actor, AccountSid sid, boolean managingMembers) {
        tx.read(s -> {
            if (managingMembers) {
                requireMemberManager(s, actor, sid);
            } else {
                AccountAccess.requireMember(s.accounts(), actor, sid);
            }
            return null;
        });
    }

    /** @return the caller's role in the account */
    public Role roleOf(Actor actor, AccountSid sid) {
        return tx.read(s -> AccountAccess.requireMember(s.accounts(), actor, sid));
    }

    /**
     * Adds or changes a member. Allowed to the account's admins and to platform admins (the one
     * place a platform admin acts on an account without being its member; audited like the rest).
     */
    public Membership putMember(Actor actor, AccountSid sid, String email, Role role, RequestOrigin origin) {
        return tx.write(s -> {
            requireMemberManager(s, actor, sid);
            if (role == null) {
                throw ValidationException.of("role", "must be admin or viewer");
            }
            Operator operator = findOperator(s, email);
            var current = s.accounts().role(sid, operator.id());
            if (current.orElse(null) == Role.ADMIN && role != Role.ADMIN && s.accounts().countAdmins(sid) <= 1) {
                throw new ConflictException("the account's last admin cannot be made a viewer");
            }
            Membership membership = new Membership(sid, operator.id(), role);
            s.accounts().putMember(membership);
            audit.record(s.audit(), actor, origin, AuditAction.MEMBER_CHANGED, sid,
                    Map.of("member", operator.email(), "role", role.wireName(),
                            "previousRole", current.map(Role::wireName).orElse("none")));
            return membership;
        });
    }

    public void removeMember(Actor actor, AccountSid sid, String email, RequestOrigin origin) {
        tx.write(s -> {
            requireMemberManager(s, actor, sid);
            Operator operator = findOperator(s, email);
            var current = s.accounts().role(sid, operator.id())
                    .orElseThrow(() -> new NotFoundException(operator.email() + " is not a member of this account"));
            if (current == Role.ADMIN && s.accounts().countAdmins(sid) <= 1) {
                throw new ConflictException("the account's last admin cannot be removed");
            }
            s.accounts().removeMember(sid, operator.id());
            audit.record(s.audit(), actor, origin, AuditAction.MEMBER_REMOVED, sid, Map.of("member", operator.email()));
            return null;
        });
    }

    private static void requireMemberManager(Stores s, Actor actor, AccountSid sid) {
        if (actor.platformAdmin()) {
            s.accounts().find(sid).orElseThrow(() -> AccountAccess.notFound(sid));
        } else {
            AccountAccess.requireAdmin(s.accounts(), actor, sid);
        }
    }

    private static Operator findOperator(Stores s, String email) {
        String normalized = EmailAddress.normalize(email)
                .orElseThrow(() -> ValidationException.of("email", "must be an email address"));
        return s.operators().findByEmail(normalized)
                .orElseThrow(() -> new NotFoundException("no operator with email " + normalized));
    }

    static void requirePlatformAdmin(Actor actor) {
        if (!actor.platformAdmin()) {
            throw new PermissionDeniedException("this action needs a platform admin");
        }
    }

    static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw ValidationException.of("name", "must not be blank");
        }
        String clean = name.strip();
        if (clean.length() > MAX_NAME_LENGTH) {
            throw ValidationException.of("name", "must have at most " + MAX_NAME_LENGTH + " characters");
        }
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw ValidationException.of("name", "must not contain control characters");
        }
        return clean;
    }
}
