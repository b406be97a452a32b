package org.tokendesk.domain.operator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditTrail;
import org.tokendesk.domain.common.ConflictException;
import org.tokendesk.domain.common.Ids;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.PermissionDeniedException;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.tx.Transactions;

/** Creating operators, including the first platform admin. */
public final class OperatorService {

    private final Transactions tx;
    private final PasswordHasher passwords;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final AuditTrail audit;

    public OperatorService(Transactions tx, PasswordHasher passwords, PasswordPolicy policy, Clock clock) {
        this.tx = tx;
        this.passwords = passwords;
        this.policy = policy;
        this.clock = clock;
        this.audit = new AuditTrail(clock);
    }

    /** Platform admins create operators. */
    public Operator create(Actor actor, NewOperator request, RequestOrigin origin) {
        if (!actor.platformAdmin()) {
            throw new PermissionDeniedException("this action needs a platform admin");
        }
        return insert(actor, request, origin);
    }

    /** For the CLI, which runs with the machine owner's authority. */
    public Operator createFromCommandLine(NewOperator request) {
        return insert(null, request, RequestOrigin.SYSTEM);
    }

    /**
     * Sets a new password for an operator, for the CLI (someone forgot theirs, or it leaked): the
     * password policy applies, every session of the operator ends, and the change is audited.
     */
    public Operator resetPasswordFromCommandLine(String email, String password) {
        String normalized = EmailAddress.normalize(email)
                .orElseThrow(() -> ValidationException.of("email", "must be an email address"));
        policy.check("password", password);
        String hash = passwords.hash(password.toCharArray());
        return tx.write(s -> {
            Operator operator = s.operators().findByEmail(normalized)
                    .orElseThrow(() -> new NotFoundException("no operator with email " + normalized));
            s.operators().updatePassword(operator.id(), hash);
            s.sessions().deleteAllOf(operator.id());
            audit.record(s.audit(), null, RequestOrigin.SYSTEM, AuditAction.OPERATOR_PASSWORD_RESET, null,
                    Map.of("operator", operator.email()));
            return operator;
        });
    }

    /**
     * Creates the first platform admin when there is no operator yet.
     *
     * @return true when it was created, false when operators existed already
     */
    public boolean bootstrap(String email, String password) {
        return tx.write(s -> {
            if (s.operators().count() > 0) {
                return false;
            }
            s.operators().insert(build(new NewOperator(email, password, "Administrator", true)));
            return true;
        });
    }

    private Operator insert(Actor actor, NewOperator request, RequestOrigin origin) {
        Operator operator = build(request);
        return tx.write(s -> {
            if (s.operators().findByEmail(operator.email()).isPresent()) {
                throw new ConflictException("an operator with this email exists already");
            }
            s.operators().insert(operator);
            audit.record(s.audit(), actor, origin, AuditAction.OPERATOR_CREATED, null,
                    Map.of("operator", operator.email(), "platformAdmin", Boolean.toString(operator.platformAdmin())));
            return operator;
        });
    }

    private Operator build(NewOperator request) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        var email = EmailAddress.normalize(request.email());
        if (email.isEmpty()) {
            errors.add(new ValidationException.FieldError("email", "must be an email address"));
        }
        try {
            policy.check("password", request.password());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        String name = request.name() == null || request.name().isBlank() ? email.orElse("") : request.name().strip();
        if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new ValidationException.FieldError("name", "must have at most 200 characters and no control characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String hash = passwords.hash(request.password().toCharArray());
        return new Operator(Ids.newId("op"), email.get(), name, hash, request.platformAdmin(), null, clock.instant());
    }

    /**
     * What is needed to create an operator.
     *
     * @param email sign-in email
     * @param password initial password (never logged)
     * @param name display name, or null
     * @param platformAdmin whether they manage accounts and operators
     */
    public record NewOperator(String email, String password, String name, boolean platformAdmin) {

        @Override
        public String toString() {
            return "NewOperator[email=" + email + ", password=masked, platformAdmin=" + platformAdmin + "]";
        }
    }
}
