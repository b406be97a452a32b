package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.testing.Fixture;

class LegacyImportTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String RW = "legacy-read-write-0001";
    private static final String RO = "legacy-read-only-0001";

    private final Fixture world = new Fixture();
    private final LegacyImport importer = new LegacyImport(world.tx(), world.issuer(true), ApiVersions.DEFAULT,
            LegacyCutoff.DEFAULT, world.clock());
    private final CredentialCheck check = new CredentialCheck(world.tx(), world.hasher(), new CheckFailureLimiter(1000),
            new UsageRecorder(), world.clock());

    private LegacyImport.Outcome run(String sid, String rw, String ro, String createdAt, boolean dryRun) {
        return importer.importRow(new LegacyImport.Row(sid, "Agency", rw, ro, createdAt, "v12"), null, dryRun);
    }

    @Test
    void an_imported_pair_keeps_its_values_and_passes_the_credential_check() {
        var outcome = run(SID, RW, RO, "2024-06-01T12:00:00Z", false);
        var imported = assertInstanceOf(LegacyImport.Outcome.Imported.class, outcome);
        assertTrue(imported.newAccount() && imported.legacy());
        assertInstanceOf(CheckResult.Valid.class, check.check(SID, RW, "POST", "10.0.0.1"));
        assertInstanceOf(CheckResult.ForbiddenMethod.class, check.check(SID, RO, "POST", "10.0.0.1"));
        CardRecord card = world.tx().read(s -> s.tokens().findCard(new AccountSid(SID))).orElseThrow();
        assertEquals(Instant.parse("2024-06-01T12:00:00Z"), card.createdAt());
        assertEquals("v12", card.apiVersion());
        assertTrue(world.tx().read(s -> s.audit().after(0, 10)).stream()
                .anyMatch(e -> e.action() == AuditAction.LEGACY_TOKEN_IMPORTED && !e.details().toString().contains(RW)));
    }

    @Test
    void tokens_created_on_or_after_the_cutoff_are_imported_but_not_legacy() {
        var imported = assertInstanceOf(LegacyImport.Outcome.Imported.class, run(SID, RW, RO, "2025-04-01", false));
        assertFalse(imported.legacy());
    }

    @Test
    void importing_again_is_unchanged_and_other_values_are_skipped_without_a_write() {
        run(SID, RW, RO, "2024-06-01T12:00:00Z", false);
        assertInstanceOf(LegacyImport.Outcome.Unchanged.class, run(SID, RW, RO, "2024-06-01T12:00:00Z", false));
        assertInstanceOf(LegacyImport.Outcome.Skipped.class, run(SID, RW + "x", RO, "2024-06-01T12:00:00Z", false));
        assertInstanceOf(CheckResult.Valid.class, check.check(SID, RW, "GET", "10.0.0.2"));
    }

    @Test
    void a_dry_run_writes_nothing() {
        assertInstanceOf(LegacyImport.Outcome.Imported.class, run(SID, RW, RO, "2024-06-01T12:00:00Z", true));
        assertTrue(world.tx().read(s -> s.accounts().find(new AccountSid(SID))).isEmpty());
        assertInstanceOf(CheckResult.Invalid.class, check.check(SID, RW, "GET", "10.0.0.3"));
    }

    @Test
    void a_row_that_breaks_a_rule_names_every_field_and_never_a_value() {
        var rejected = assertInstanceOf(LegacyImport.Outcome.Rejected.class,
                importer.importRow(new LegacyImport.Row("nope", "", "same-value-123", "same-value-123", "2999-01-01", "v1"),
                        null, false));
        List<String> fields = rejected.problems().stream().map(p -> p.field()).toList();
        assertEquals(List.of("accountSid", "readOnlyToken", "createdAt", "apiVersion"), fields);
        assertFalse(rejected.problems().toString().contains("same-value-123"));
        assertFalse(new LegacyImport.Row(SID, "n", RW, RO, "", "").toString().contains(RW));
    }

    @Test
    void a_token_that_is_current_elsewhere_is_refused_and_nothing_of_the_row_is_written() {
        run(SID, RW, RO, "2024-06-01T12:00:00Z", false);
        String other = "AC" + "f".repeat(32);
        var rejected = assertInstanceOf(LegacyImport.Outcome.Rejected.class, run(other, "fresh-token-0002", RO,
                "2024-06-01T12:00:00Z", false));
        assertEquals("readOnlyToken", rejected.problems().get(0).field());
        assertTrue(world.tx().read(s -> s.accounts().find(new AccountSid(other))).isEmpty());
    }

    @Test
    void a_new_account_needs_a_name() {
        var rejected = assertInstanceOf(LegacyImport.Outcome.Rejected.class,
                importer.importRow(new LegacyImport.Row(SID, " ", RW, RO, "2024-01-01", ""), null, false));
        assertEquals("name", rejected.problems().get(0).field());
    }
}
