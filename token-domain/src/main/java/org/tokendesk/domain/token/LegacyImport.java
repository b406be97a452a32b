package org.tokendesk.domain.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tokendesk.domain.account.Account;
import org.tokendesk.domain.account.AccountService;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.account.Membership;
import org.tokendesk.domain.account.Role;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditTrail;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.common.ValidationException.FieldError;
import org.tokendesk.domain.tx.Stores;
import org.tokendesk.domain.tx.Transactions;

/**
 * Imports the token pairs of agencies moving onto tokendesk, so their existing credentials keep
 * working: each row names an account and both of its Auth Tokens, which keep their values; the
 * card is legacy by the cutoff rule (tokens created before the cutoff). A row is imported in one
 * transaction or not at all. Running an import again changes nothing: a card that exists already
 * is left alone (its tokens may have been reset since, and an old value must not come back).
 * Nothing here ever repeats a token: problems name the field, hints show at most four characters.
 */
public final class LegacyImport {

    static final int MIN_TOKEN_LENGTH = 8;
    static final int MAX_TOKEN_LENGTH = 256;

    private final Transactions tx;
    private final TokenIssuer issuer;
    private final ApiVersions apiVersions;
    private final LegacyCutoff cutoff;
    private final Clock clock;
    private final AuditTrail audit;

    public LegacyImport(Transactions tx, TokenIssuer issuer, ApiVersions apiVersions, LegacyCutoff cutoff, Clock clock) {
        this.tx = tx;
        this.issuer = issuer;
        this.apiVersions = apiVersions;
        this.cutoff = cutoff;
        this.clock = clock;
        this.audit = new AuditTrail(clock);
    }

    /**
     * Imports one row.
     *
     * @param row the row as read, unchecked
     * @param adminOperatorId an operator to make admin of each account the import creates, or null
     * @param dryRun check everything and say what would happen, but write nothing
     */
    public Outcome importRow(Row row, String adminOperatorId, boolean dryRun) {
        List<FieldError> problems = new ArrayList<>();
        Optional<AccountSid> sid = AccountSid.parse(row.accountSid() == null ? null : row.accountSid().strip());
        if (sid.isEmpty()) {
            problems.add(new FieldError("accountSid", "must be AC followed by 32 lowercase hex digits"));
        }
        String name = row.name() == null ? "" : row.name().strip();
        if (name.length() > AccountService.MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldError("name", "must have at most " + AccountService.MAX_NAME_LENGTH
                    + " characters and no control characters"));
        }
        checkToken("readWriteToken", row.readWriteToken(), problems);
        checkToken("readOnlyToken", row.readOnlyToken(), problems);
        if (row.readWriteToken() != null && row.readWriteToken().equals(row.readOnlyToken())) {
            problems.add(new FieldError("readOnlyToken", "must differ from the read/write token"));
        }
        Instant createdAt = createdAt(row.createdAt(), problems);
        String apiVersion = row.apiVersion() == null || row.apiVersion().isBlank() ? apiVersions.defaultVersion()
                : row.apiVersion().strip();
        if (!apiVersions.available().contains(apiVersion)) {
            problems.add(new FieldError("apiVersion", "must be one of " + String.join(", ", apiVersions.available())
                    + " (TOKENDESK_API_VERSIONS), or empty for " + apiVersions.defaultVersion()));
        }
        if (!problems.isEmpty()) {
            return new Outcome.Rejected(sid.orElse(null), problems);
        }
        Plan plan = new Plan(sid.get(), name, row.readWriteToken(), row.readOnlyToken(), createdAt, apiVersion,
                adminOperatorId);
        return dryRun ? tx.read(s -> apply(s, plan, false)) : tx.write(s -> apply(s, plan, true));
    }

    private Outcome apply(Stores s, Plan p, boolean write) {
        TokenIssuer.Issued rw = issuer.seal(p.sid, TokenScope.READ_WRITE, p.readWrite);
        TokenIssuer.Issued ro = issuer.seal(p.sid, TokenScope.READ_ONLY, p.readOnly);
        Optional<CardRecord> card = s.tokens().findCard(p.sid);
        if (card.isPresent()) {
            boolean same = s.tokens().tokens(p.sid).stream().allMatch(t ->
                    t.hash().equals(t.scope() == TokenScope.READ_WRITE ? rw.hash() : ro.hash()));
            return same ? new Outcome.Unchanged(p.sid)
                    : new Outcome.Skipped(p.sid, "the account has legacy tokens with other values already (reset "
                            + "since an earlier import?); they were left as they are");
        }
        List<FieldError> problems = new ArrayList<>();
        if (s.tokens().findActive(rw.hash()).isPresent()) {
            problems.add(new FieldError("readWriteToken", "is the current token of another account"));
        }
        if (s.tokens().findActive(ro.hash()).isPresent()) {
            problems.add(new FieldError("readOnlyToken", "is the current token of another account"));
        }
        Optional<Account> account = s.accounts().find(p.sid);
        if (account.isEmpty() && p.name.isEmpty()) {
            problems.add(new FieldError("name", "is required for an account that tokendesk does not know yet"));
        }
        if (!problems.isEmpty()) {
            return new Outcome.Rejected(p.sid, problems);
        }
        boolean legacy = cutoff.isLegacy(p.createdAt, false);
        if (write) {
            if (account.isEmpty()) {
                s.accounts().insert(new Account(p.sid, p.name, false, clock.instant()));
                if (p.adminOperatorId != null) {
                    s.accounts().putMember(new Membership(p.sid, p.adminOperatorId, Role.ADMIN));
                }
            }
            s.tokens().insertCard(new CardRecord(p.sid, p.apiVersion, legacy, p.createdAt));
            s.tokens().insertToken(new StoredToken(p.sid, TokenScope.READ_WRITE, rw.hash(), rw.ciphertext(), rw.hint(),
                    p.createdAt, null, null));
            s.tokens().insertToken(new StoredToken(p.sid, TokenScope.READ_ONLY, ro.hash(), ro.ciphertext(), ro.hint(),
                    p.createdAt, null, null));
            audit.record(s.audit(), null, RequestOrigin.SYSTEM, AuditAction.LEGACY_TOKEN_IMPORTED, p.sid,
                    Map.of("apiVersion", p.apiVersion, "legacy", Boolean.toString(legacy), "createdAt",
                            p.createdAt.toString(), "readWriteHint", rw.hint(), "readOnlyHint", ro.hint(),
                            "newAccount", Boolean.toString(account.isEmpty())));
        }
        return new Outcome.Imported(p.sid, account.isEmpty(), legacy, p.apiVersion);
    }

    private static void checkToken(String field, String token, List<FieldError> problems) {
        if (token == null || token.isEmpty()) {
            problems.add(new FieldError(field, "is required"));
            return;
        }
        if (token.length() < MIN_TOKEN_LENGTH || token.length() > MAX_TOKEN_LENGTH) {
            problems.add(new FieldError(field, "must have " + MIN_TOKEN_LENGTH + " to " + MAX_TOKEN_LENGTH
                    + " characters"));
        } else if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            problems.add(new FieldError(field, "must be printable ASCII without spaces"));
        }
    }

    private Instant createdAt(String text, List<FieldError> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldError("createdAt", "is required (ISO-8601, such as 2024-03-01T10:00:00Z)"));
            return null;
        }
        Instant at;
        String t = text.strip();
        try {
            at = t.length() == 10 ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : t.endsWith("Z") ? Instant.parse(t) : OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldError("createdAt", "must be an ISO-8601 time such as 2024-03-01T10:00:00Z "
                    + "or a date such as 2024-03-01"));
            return null;
        }
        if (at.isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
            problems.add(new FieldError("createdAt", "must not be in the future"));
            return null;
        }
        return at;
    }

    /**
     * One row of the import file, as read.
     *
     * @param accountSid the account's SID
     * @param name the account's name (needed when tokendesk does not know the account yet)
     * @param readWriteToken the read/write Auth Token, kept as it is
     * @param readOnlyToken the read-only Auth Token, kept as it is
     * @param createdAt when the tokens were created: ISO-8601 time or date
     * @param apiVersion the API version; empty for the default
     */
    public record Row(String accountSid, String name, String readWriteToken, String readOnlyToken, String createdAt,
            String apiVersion) {

        @Override
        public String toString() {
            return "Row[" + accountSid + ", tokens masked]";
        }
    }

    private record Plan(AccountSid sid, String name, String readWrite, String readOnly, Instant createdAt,
            String apiVersion, String adminOperatorId) {

        @Override
        public String toString() {
            return "Plan[" + sid + ", tokens masked]";
        }
    }

    /** What happened to one row. */
    public sealed interface Outcome {

        /**
         * The card and its tokens were created (or would be, in a dry run).
         *
         * @param accountSid the account
         * @param newAccount whether the account was created too
         * @param legacy whether the tokens are legacy by the cutoff rule
         * @param apiVersion the card's API version
         */
        record Imported(AccountSid accountSid, boolean newAccount, boolean legacy, String apiVersion) implements Outcome {
        }

        /** The account has exactly these tokens already (an earlier run imported them). */
        record Unchanged(AccountSid accountSid) implements Outcome {
        }

        /** The account has other tokens already; nothing was changed. */
        record Skipped(AccountSid accountSid, String reason) implements Outcome {
        }

        /**
         * The row breaks a rule; nothing of it was written.
         *
         * @param accountSid the account, when the SID was well-formed
         * @param problems every field at fault (never a value)
         */
        record Rejected(AccountSid accountSid, List<FieldError> problems) implements Outcome {

            public Rejected {
                problems = List.copyOf(problems);
            }
        }
    }
}
