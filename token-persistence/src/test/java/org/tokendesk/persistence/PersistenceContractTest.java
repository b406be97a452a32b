package org.tokendesk.persistence;

import org.tokendesk.persistence.testing.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.Account;
import org.tokendesk.domain.account.AccountService;
import org.tokendesk.domain.account.Role;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditLogService;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.operator.ManagementKeyService;
import org.tokendesk.domain.operator.Operator;
import org.tokendesk.domain.operator.OperatorService;
import org.tokendesk.domain.operator.PasswordHasher;
import org.tokendesk.domain.operator.PasswordPolicy;
import org.tokendesk.domain.operator.SessionService;
import org.tokendesk.domain.operator.SignInThrottle;
import org.tokendesk.domain.secret.AesGcmSecretCipher;
import org.tokendesk.domain.secret.HmacAuthTokenHasher;
import org.tokendesk.domain.secret.MasterKey;
import org.tokendesk.domain.secret.SecretCipher;
import org.tokendesk.domain.secret.SecureRandomGenerator;
import org.tokendesk.domain.token.ApiVersions;
import org.tokendesk.domain.token.CheckFailureLimiter;
import org.tokendesk.domain.token.CheckResult;
import org.tokendesk.domain.token.CredentialCheck;
import org.tokendesk.domain.token.EnabledTokens;
import org.tokendesk.domain.token.LegacyTokenService;
import org.tokendesk.domain.token.ResetHook;
import org.tokendesk.domain.token.ResetResult;
import org.tokendesk.domain.token.TokenIssuer;
import org.tokendesk.domain.token.TokenKey;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.token.UsageRecorder;

/** One suite, run against SQLite and PostgreSQL by its subclasses. */
abstract class PersistenceContractTest {

    static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.9", "test");

    /** Fast and good enough for tests; production uses Argon2id. */
    static final PasswordHasher PLAIN = new PasswordHasher() {
        @Override
        public String hash(char[] password) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(new String(password).getBytes(StandardCharsets.UTF_8));
                return "sha256:" + java.util.HexFormat.of().formatHex(digest);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean verify(char[] password, String encodedHash) {
            return encodedHash.equals(hash(password));
        }
    };

    final SecureRandomGenerator random = new SecureRandomGenerator();
    final MasterKey masterKey = MasterKey.generate(random);
    final SecretCipher cipher = new AesGcmSecretCipher(masterKey, random);
    final Clock clock = Clock.tick(Clock.systemUTC(), java.time.Duration.ofMillis(1));
    DatabaseSettings settings;
    Database db;
    UsageRecorder usage;
    CredentialCheck check;
    LegacyTokenService tokens;
    AccountService accounts;
    OperatorService operators;
    Actor admin;

    abstract DatabaseSettings newSettings();

    @BeforeEach
    void open_fresh_database() {
        settings = newSettings();
        db = TestDatabases.openMigrated(settings);
        var hasher = new HmacAuthTokenHasher(db.serverKey("token-pepper", 32, cipher, random));
        usage = new UsageRecorder();
        check = new CredentialCheck(db.transactions(), hasher, new CheckFailureLimiter(1000), usage, clock);
        tokens = new LegacyTokenService(db.transactions(), new TokenIssuer(random, hasher, cipher, true),
                ApiVersions.DEFAULT, clock, ResetHook.NONE);
        accounts = new AccountService(db.transactions(), random, clock);
        operators = new OperatorService(db.transactions(), PLAIN, new PasswordPolicy(java.util.Set.of()), clock);
        Operator op = operators.createFromCommandLine(
                new OperatorService.NewOperator("Admin@Example.com", "correct horse battery", "Ada", true));
        admin = Actor.of(op);
    }

    @AfterEach
    void close_database() {
        db.close();
    }

    @Test
    void migrations_leave_the_database_ready() {
        assertTrue(db.isReady());
        assertEquals(0, db.migrate(), "a second migrate has nothing to do");
    }

    @Test
    void a_restart_on_an_up_to_date_schema_does_not_start_the_migration_tool() {
        try (Database restarted = Database.open(settings)) {
            assertTrue(restarted.isReady());
            assertEquals(0, restarted.migrate());
            assertFalse(restarted.migrationToolStarted(), "the schema history said there was nothing to apply");
        }
    }

    @Test
    void a_schema_behind_this_build_is_not_ready_and_gets_the_missing_migrations() {
        try (Database upgraded = Database.open(newSettings())) {
            // the schema as the build before the newest migration left it
            Database.flyway(upgraded.dataSource(), upgraded.dialect())
                    .target(Integer.toString(Database.LATEST_MIGRATION - 1)).load().migrate();
            assertFalse(upgraded.isReady(), "the newest migration is missing");
            assertEquals(1, upgraded.migrate());
            assertTrue(upgraded.migrationToolStarted());
            assertTrue(upgraded.isReady());
        }
    }

    @Test
    void a_schema_a_newer_build_migrated_leaves_this_node_ready_and_goes_to_the_migration_tool() {
        Jdbi.create(db.dataSource()).useHandle(h ->
            // the history row a newer build's migration would leave
            h.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, installed_on, execution_time, success) SELECT MAX(installed_rank) + 1, ?, 'newer',"
                    + " 'SQL', 'V99__newer.sql', 0, 'test', MAX(installed_on), 1, ? FROM flyway_schema_history",
                    "99", true));
        try (Database restarted = Database.open(settings)) {
            assertTrue(restarted.isReady(), "every migration this build knows is applied");
            assertEquals(0, restarted.migrate());
            assertTrue(restarted.migrationToolStarted(), "Flyway judges a newer schema (it warns), not the shortcut");
        }
    }

    @Test
    void a_new_database_is_not_ready_until_migrated() {
        try (Database fresh = Database.open(newSettings())) {
            assertFalse(fresh.isReady(), "no schema history yet");
            assertEquals(Database.LATEST_MIGRATION, fresh.migrate());
            assertTrue(fresh.isReady());
        }
    }

    @Test
    void accounts_and_memberships_round_trip() {
        Account account = accounts.create(admin, "Agency <One>", ORIGIN);
        assertEquals(List.of(account.sid()), accounts.list(admin).stream().map(Account::sid).toList());
        assertEquals(Role.ADMIN, accounts.roleOf(admin, account.sid()));
        Operator viewer = operators.createFromCommandLine(
                new OperatorService.NewOperator("viewer@example.com", "another long password", null, false));
        accounts.putMember(admin, account.sid(), "VIEWER@example.com", Role.VIEWER, ORIGIN);
        accounts.putMember(admin, account.sid(), "viewer@example.com", Role.VIEWER, ORIGIN);
        assertEquals(Role.VIEWER, accounts.roleOf(Actor.of(viewer), account.sid()));
        assertEquals("Agency <One>", accounts.get(Actor.of(viewer), account.sid()).name());
    }

    @Test
    void enabled_tokens_pass_checks_and_can_be_revealed() {
        Account account = accounts.create(admin, "Agency", ORIGIN);
        EnabledTokens enabled = tokens.enable(admin, account.sid(), ORIGIN);
        String sid = account.sid().value();
        assertInstanceOf(CheckResult.Valid.class, check.check(sid, enabled.readWrite().reveal(), "POST", "a"));
        assertInstanceOf(CheckResult.Valid.class, check.check(sid, enabled.readOnly().reveal(), "GET", "a"));
        assertInstanceOf(CheckResult.ForbiddenMethod.class, check.check(sid, enabled.readOnly().reveal(), "DELETE", "a"));
        var credentials = tokens.reveal(admin, account.sid(), ORIGIN);
        assertTrue(credentials.readWrite().matches(enabled.readWrite().reveal()));
        assertTrue(credentials.readOnly().matches(enabled.readOnly().reveal()));
        assertTrue(accounts.get(admin, account.sid()).legacyTokensEnabled());
    }

    @Test
    void reset_invalidates_the_old_token_and_remembers_when() {
        Account account = accounts.create(admin, "Agency", ORIGIN);
        EnabledTokens enabled = tokens.enable(admin, account.sid(), ORIGIN);
        ResetResult reset = tokens.reset(admin, account.sid(), TokenScope.READ_WRITE, ORIGIN);
        String sid = account.sid().value();
        var old = check.check(sid, enabled.readWrite().reveal(), "GET", "a");
        assertEquals(new CheckResult.Reset(reset.resetAt()), old);
        assertInstanceOf(CheckResult.Valid.class, check.check(sid, reset.authToken().reveal(), "GET", "a"));
        assertInstanceOf(CheckResult.Valid.class, check.check(sid, enabled.readOnly().reveal(), "GET", "a"));
        var card = tokens.card(admin, account.sid());
        assertEquals(reset.resetAt(), card.readWrite().lastResetAt());
        assertEquals(reset.authToken().hint(), card.readWrite().hint());
        var events = new AuditLogService(db.transactions()).page(admin, account.sid(), null, 50).events();
        assertEquals(AuditAction.LEGACY_TOKEN_RESET, events.get(0).action());
        assertEquals(enabled.readWrite().hint(), events.get(0).details().get("previousTokenHint"));
    }

    @Test
    void twenty_concurrent_resets_of_one_scope_leave_exactly_one_valid_token() throws Exception {
        Account account = accounts.create(admin, "Agency", ORIGIN);
        EnabledTokens enabled = tokens.enable(admin, account.sid(), ORIGIN);
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResetResult>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<ResetResult> reset = () -> {
                start.await();
                return tokens.reset(admin, account.sid(), TokenScope.READ_WRITE, ORIGIN);
            };
            futures.add(pool.submit(reset));
        }
        start.countDown();
        List<String> issued = new ArrayList<>();
        issued.add(enabled.readWrite().reveal());
        for (Future<ResetResult> f : futures) {
            issued.add(f.get(60, TimeUnit.SECONDS).authToken().reveal());
        }
        pool.shutdown();
        String sid = account.sid().value();
        long valid = issued.stream().filter(t -> check.check(sid, t, "GET", "a") instanceof CheckResult.Valid).count();
        long reset = issued.stream().filter(t -> check.check(sid, t, "GET", "a") instanceof CheckResult.Reset).count();
        assertEquals(1, valid);
        assertEquals(threads, reset);
        assertEquals(threads, count("SELECT COUNT(*) FROM token_history WHERE account_sid = '" + sid + "'"));
        assertEquals(threads, count("SELECT COUNT(*) FROM audit_events WHERE action = 'legacy_token.reset'"));
    }

    @Test
    void last_used_is_raised_but_never_lowered() {
        Account account = accounts.create(admin, "Agency", ORIGIN);
        tokens.enable(admin, account.sid(), ORIGIN);
        TokenKey key = new TokenKey(account.sid(), TokenScope.READ_ONLY);
        Instant later = Instant.parse("2026-06-01T10:00:00Z");
        usage.record(key, later);
        assertEquals(1, usage.flush(db.transactions()));
        usage.record(key, later.minusSeconds(3600));
        usage.flush(db.transactions());
        assertEquals(later, tokens.card(admin, account.sid()).readOnly().lastUsedAt());
        assertEquals(null, tokens.card(admin, account.sid()).readWrite().lastUsedAt());
    }

    @Test
    void nothing_secret_is_stored_in_plain_text() {
        Account account = accounts.create(admin, "Agency", ORIGIN);
        EnabledTokens enabled = tokens.enable(admin, account.sid(), ORIGIN);
        var keys = new ManagementKeyService(db.transactions(), new HmacAuthTokenHasher(new byte[32]), random, clock);
        String key = keys.create(admin, "ci", ORIGIN).secret().reveal();
        String dump = dumpEverything();
        assertFalse(dump.contains(enabled.readWrite().reveal()));
        assertFalse(dump.contains(enabled.readOnly().reveal()));
        assertFalse(dump.contains(key));
        assertFalse(dump.contains("correct horse battery"), "only the password hash is stored");
    }

    @Test
    void sessions_and_management_keys_round_trip() {
        var hasher = new HmacAuthTokenHasher(new byte[32]);
        var sessions = new SessionService(db.transactions(), PLAIN, hasher, random, SignInThrottle.standard(), clock,
                SessionService.SessionLifetime.DEFAULT);
        var session = sessions.signIn("admin@example.com", "correct horse battery", ORIGIN);
        var active = sessions.resolve(session.sessionId().reveal()).orElseThrow();
        assertEquals(admin, active.actor());
        assertTrue(sessions.csrfMatches(active, session.csrfToken().reveal()));
        sessions.signOut(session.sessionId().reveal());
        assertTrue(sessions.resolve(session.sessionId().reveal()).isEmpty());

        var keys = new ManagementKeyService(db.transactions(), hasher, random, clock);
        var created = keys.create(admin, "deploy", ORIGIN);
        assertEquals(admin, keys.authenticate(created.secret().reveal()).orElseThrow());
        assertEquals(1, keys.list(admin).size());
        keys.revoke(admin, created.key().id(), ORIGIN);
        assertTrue(keys.authenticate(created.secret().reveal()).isEmpty());
    }

    @Test
    void the_server_pepper_survives_a_restart_and_refuses_another_master_key() {
        byte[] first = db.serverKey("token-pepper", 32, cipher, random);
        db.close();
        db = Database.open(settings);
        byte[] again = db.serverKey("token-pepper", 32, cipher, random);
        assertEquals(new String(first, StandardCharsets.ISO_8859_1), new String(again, StandardCharsets.ISO_8859_1));
        var other = new AesGcmSecretCipher(MasterKey.generate(random), random);
        var e = assertThrows(IllegalStateException.class, () -> db.serverKey("token-pepper", 32, other, random));
        assertTrue(e.getMessage().contains("master key does not match"));
        assertNotEquals(masterKey.toBase64(), e.getMessage());
    }

    @Test
    void audit_details_with_quotes_and_unicode_round_trip() {
        Account account = accounts.create(admin, "Quote \" and \\ and Ümlaut ✓", ORIGIN);
        var events = new AuditLogService(db.transactions()).page(admin, account.sid(), null, 10).events();
        assertEquals(Map.of("name", "Quote \" and \\ and Ümlaut ✓"), events.get(0).details());
    }

    @Test
    void a_master_key_rotation_re_encrypts_tokens_and_server_keys_and_only_the_ciphertext_changes() {
        Account account = accounts.create(admin, "Rotated", ORIGIN);
        EnabledTokens enabled = tokens.enable(admin, account.sid(), ORIGIN);
        var before = db.transactions().read(s -> s.tokens().tokens(account.sid()));
        var next = new AesGcmSecretCipher(MasterKey.generate(random), random);
        var result = new org.tokendesk.domain.token.MasterKeyRotation(db.transactions(), clock).rotate(cipher, next);
        assertEquals(2, result.tokens());
        assertEquals(1, db.reencryptServerKeys(org.tokendesk.domain.token.MasterKeyRotation.eitherKey(cipher, next), next));
        var after = db.transactions().read(s -> s.tokens().tokens(account.sid()));
        var issuer = new TokenIssuer(random, new HmacAuthTokenHasher(db.serverKey("token-pepper", 32, next, random)), next, true);
        for (int i = 0; i < 2; i++) {
            assertEquals(before.get(i).hash(), after.get(i).hash());
            assertEquals(before.get(i).hint(), after.get(i).hint());
            assertEquals(before.get(i).createdAt(), after.get(i).createdAt());
        }
        assertEquals(enabled.readWrite().reveal(), issuer.reveal(after.stream()
                .filter(t -> t.scope() == TokenScope.READ_WRITE).findFirst().orElseThrow()));
        assertInstanceOf(CheckResult.Valid.class, check.check(account.sid().value(), enabled.readWrite().reveal(), "GET", "a"));
    }

    @Test
    void the_audit_export_reads_every_account_and_the_platform_in_id_order() {
        Account one = accounts.create(admin, "One", ORIGIN);
        Account two = accounts.create(admin, "Two", ORIGIN);
        var all = db.transactions().read(s -> s.audit().after(0, 100));
        assertEquals(AuditAction.OPERATOR_CREATED, all.get(0).action());
        assertEquals(null, all.get(0).accountSid());
        assertEquals(List.of(one.sid(), two.sid()), all.subList(1, 3).stream().map(e -> e.accountSid()).toList());
        var rest = db.transactions().read(s -> s.audit().after(all.get(1).id(), 100));
        assertEquals(List.of(all.get(2).id()), rest.stream().map(e -> e.id()).toList());
        assertEquals(1, db.transactions().read(s -> s.audit().after(0, 1)).size());
    }

    long count(String sql) {
        return org.jdbi.v3.core.Jdbi.create(db.dataSource())
                .withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** Every text and blob of every table, for "is this secret stored anywhere" checks. */
    String dumpEverything() {
        var jdbi = org.jdbi.v3.core.Jdbi.create(db.dataSource());
        StringBuilder out = new StringBuilder();
        for (String table : List.of("server_keys", "operators", "accounts", "memberships", "legacy_token_cards",
                "auth_tokens", "token_history", "sessions", "management_keys", "audit_events")) {
            jdbi.useHandle(h -> h.createQuery("SELECT * FROM " + table).mapToMap().forEach(row -> row.values()
                    .forEach(v -> out.append(v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1)
                            : String.valueOf(v)).append('\n'))));
        }
        return out.toString();
    }
}
