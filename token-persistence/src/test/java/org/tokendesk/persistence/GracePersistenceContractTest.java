package org.tokendesk.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountService;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditLogService;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.secret.AesGcmSecretCipher;
import org.tokendesk.domain.secret.HmacAuthTokenHasher;
import org.tokendesk.domain.secret.MasterKey;
import org.tokendesk.domain.secret.SecureRandomGenerator;
import org.tokendesk.domain.token.ActiveCredential;
import org.tokendesk.domain.token.ApiVersions;
import org.tokendesk.domain.token.CheckFailureLimiter;
import org.tokendesk.domain.token.CheckResult;
import org.tokendesk.domain.token.CredentialCheck;
import org.tokendesk.domain.token.EnabledTokens;
import org.tokendesk.domain.token.FormerToken;
import org.tokendesk.domain.token.LegacyTokenService;
import org.tokendesk.domain.token.ResetHook;
import org.tokendesk.domain.token.ResetResult;
import org.tokendesk.domain.token.TokenIssuer;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.token.UsageRecorder;

/** Grace periods of reset tokens: the store methods and the checks on them, on SQLite and PostgreSQL. */
abstract class GracePersistenceContractTest {

    static final RequestOrigin ORIGIN = new RequestOrigin("198.51.100.8", "test");
    static final Actor ADMIN = new Actor("op_test", "admin@example.com", true);
    static final Duration HOUR = Duration.ofHours(1);

    /** A clock the test moves; millisecond precision like the stored times. */
    static final class SteppedClock extends Clock {
        private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final SecureRandomGenerator random = new SecureRandomGenerator();
    final AesGcmSecretCipher cipher = new AesGcmSecretCipher(MasterKey.generate(random), random);
    final SteppedClock clock = new SteppedClock();
    final HmacAuthTokenHasher hasher = new HmacAuthTokenHasher(new byte[32]);
    Database db;
    LegacyTokenService tokens;
    CredentialCheck check;
    AccountSid sid;
    EnabledTokens enabled;

    abstract DatabaseSettings newSettings();

    @BeforeEach
    void open() {
        db = org.tokendesk.persistence.testing.TestDatabases.openMigrated(newSettings());
        db.transactions().write(s -> {
            s.operators().insert(new org.tokendesk.domain.operator.Operator("op_test", "admin@example.com", "A", "x",
                    true, null, Instant.now()));
            return null;
        });
        sid = new AccountService(db.transactions(), random, clock).create(ADMIN, "Agency", ORIGIN).sid();
        tokens = new LegacyTokenService(db.transactions(), new TokenIssuer(random, hasher, cipher, true),
                ApiVersions.DEFAULT, clock, ResetHook.NONE);
        check = new CredentialCheck(db.transactions(), hasher, new CheckFailureLimiter(1000), new UsageRecorder(),
                clock);
        enabled = tokens.enable(ADMIN, sid, ORIGIN);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private CheckResult checkOld() {
        return check.check(sid.value(), enabled.readWrite().reveal(), "POST", "a");
    }

    private boolean endGrace(AccountSid account, TokenScope scope, Instant now) {
        Boolean ended = db.transactions().write(s -> s.tokens().endGrace(account, scope, now));
        return ended;
    }

    private long auditCount(AuditAction action) {
        return new AuditLogService(db.transactions()).page(ADMIN, sid, null, 100).events().stream()
                .filter(e -> e.action() == action).count();
    }

    @Test
    void an_old_token_passes_during_its_grace_period_and_fails_from_its_end_on() {
        ResetResult reset = tokens.reset(ADMIN, sid, TokenScope.READ_WRITE, HOUR, ORIGIN);
        assertEquals(reset.resetAt().plus(HOUR), reset.oldTokenValidUntil());
        assertEquals(new CheckResult.Valid(new ActiveCredential(sid, TokenScope.READ_WRITE, "v13")), checkOld());
        clock.advance(HOUR.minusMillis(1));
        assertInstanceOf(CheckResult.Valid.class, checkOld());
        clock.advance(Duration.ofMillis(1));
        assertEquals(new CheckResult.Reset(reset.resetAt()), checkOld());
    }

    @Test
    void the_former_token_lookup_answers_reset_time_and_grace_end_in_one_row() {
        ResetResult reset = tokens.reset(ADMIN, sid, TokenScope.READ_WRITE, HOUR, ORIGIN);
        Optional<FormerToken> former = db.transactions().read(s -> s.tokens()
                .findFormer(sid, hasher.hash(enabled.readWrite().reveal())));
        assertEquals(Optional.of(new FormerToken(sid, TokenScope.READ_WRITE, reset.resetAt(),
                reset.oldTokenValidUntil(), "v13")), former);
        assertEquals(Optional.empty(), db.transactions().read(s -> s.tokens()
                .findFormer(sid, hasher.hash(enabled.readOnly().reveal()))));
        tokens.reset(ADMIN, sid, TokenScope.READ_ONLY, ORIGIN);
        FormerToken readOnly = db.transactions().read(s -> s.tokens()
                .findFormer(sid, hasher.hash(enabled.readOnly().reveal()))).orElseThrow();
        assertNull(readOnly.validUntil());
    }

    @Test
    void grace_ends_are_listed_per_scope_and_end_grace_ends_only_running_ones() {
        ResetResult reset = tokens.reset(ADMIN, sid, TokenScope.READ_ONLY, HOUR, ORIGIN);
        Instant now = clock.instant();
        assertEquals(Map.of(TokenScope.READ_ONLY, reset.oldTokenValidUntil()),
                db.transactions().read(s -> s.tokens().graceEnds(sid, now)));
        assertFalse(endGrace(sid, TokenScope.READ_WRITE, now));
        assertTrue(endGrace(sid, TokenScope.READ_ONLY, now));
        assertFalse(endGrace(sid, TokenScope.READ_ONLY, now));
        assertEquals(Map.of(), db.transactions().read(s -> s.tokens().graceEnds(sid, now)));
    }

    @Test
    void end_grace_stops_the_old_token_shows_on_the_card_and_is_audited_once() {
        ResetResult reset = tokens.reset(ADMIN, sid, TokenScope.READ_WRITE, HOUR, ORIGIN);
        assertEquals(reset.oldTokenValidUntil(), tokens.card(ADMIN, sid).readWrite().oldTokenValidUntil());
        assertNull(tokens.card(ADMIN, sid).readOnly().oldTokenValidUntil());
        clock.advance(Duration.ofMinutes(1));
        assertNull(tokens.endGrace(ADMIN, sid, TokenScope.READ_WRITE, ORIGIN).readWrite().oldTokenValidUntil());
        tokens.endGrace(ADMIN, sid, TokenScope.READ_WRITE, ORIGIN);
        assertEquals(new CheckResult.Reset(reset.resetAt()), checkOld());
        assertEquals(1, auditCount(AuditAction.LEGACY_TOKEN_GRACE_ENDED));
    }

    @Test
    void a_second_reset_ends_the_earlier_grace_in_its_transaction() {
        ResetResult first = tokens.reset(ADMIN, sid, TokenScope.READ_WRITE, HOUR, ORIGIN);
        clock.advance(Duration.ofSeconds(1));
        ResetResult second = tokens.reset(ADMIN, sid, TokenScope.READ_WRITE, HOUR, ORIGIN);
        assertInstanceOf(CheckResult.Reset.class, checkOld());
        assertInstanceOf(CheckResult.Valid.class, check.check(sid.value(), first.authToken().reveal(), "GET", "a"));
        assertEquals(second.oldTokenValidUntil(), tokens.card(ADMIN, sid).readWrite().oldTokenValidUntil());
        var resets = new AuditLogService(db.transactions()).page(ADMIN, sid, null, 100).events().stream()
                .filter(e -> e.action() == AuditAction.LEGACY_TOKEN_RESET).toList();
        assertEquals(2, resets.size());
        assertTrue(resets.stream().anyMatch(e -> first.oldTokenValidUntil().toString()
                .equals(e.details().get("oldTokenValidUntil"))));
    }
}
