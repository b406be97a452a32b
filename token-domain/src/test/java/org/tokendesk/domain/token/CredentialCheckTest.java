package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.common.StoreUnavailableException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;

class CredentialCheckTest {

    private static final List<String> SAFE = List.of("GET", "HEAD", "OPTIONS", "get");
    private static final List<String> UNSAFE = List.of("POST", "PUT", "PATCH", "DELETE", "delete");

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);
    private final LegacyTokenService service = world.legacyTokens();
    private final EnabledTokens enabled = service.enable(admin, sid, Fixture.ORIGIN);
    private final CredentialCheck check = new CredentialCheck(world.tx(), world.hasher(), new CheckFailureLimiter(100),
            new UsageRecorder(), world.clock());

    private String rw() {
        return enabled.readWrite().reveal();
    }

    private String ro() {
        return enabled.readOnly().reveal();
    }

    @Test
    void the_read_write_token_is_valid_for_every_method() {
        var expected = new CheckResult.Valid(new ActiveCredential(sid, TokenScope.READ_WRITE, "v13"));
        for (String method : SAFE) {
            assertEquals(expected, check.check(sid.value(), rw(), method, "a"), method);
        }
        for (String method : UNSAFE) {
            assertEquals(expected, check.check(sid.value(), rw(), method, "a"), method);
        }
    }

    @Test
    void the_read_only_token_is_valid_for_get_head_and_options() {
        var expected = new CheckResult.Valid(new ActiveCredential(sid, TokenScope.READ_ONLY, "v13"));
        for (String method : SAFE) {
            assertEquals(expected, check.check(sid.value(), ro(), method, "a"), method);
        }
    }

    @Test
    void the_read_only_token_is_a_forbidden_method_for_changes() {
        var expected = new CheckResult.ForbiddenMethod(new ActiveCredential(sid, TokenScope.READ_ONLY, "v13"));
        for (String method : UNSAFE) {
            assertEquals(expected, check.check(sid.value(), ro(), method, "a"), method);
        }
    }

    @Test
    void a_token_of_another_account_is_invalid() {
        Actor other = world.operator("other@example.com");
        AccountSid otherSid = world.account("Other", other);
        EnabledTokens otherTokens = service.enable(other, otherSid, Fixture.ORIGIN);
        assertInstanceOf(CheckResult.Invalid.class,
                check.check(sid.value(), otherTokens.readWrite().reveal(), "GET", "a"));
        assertInstanceOf(CheckResult.Invalid.class, check.check(otherSid.value(), rw(), "GET", "a"));
    }

    @Test
    void a_malformed_sid_is_invalid() {
        for (String bad : new String[] {null, "", "AC123", sid.value().toUpperCase(), " " + sid.value()}) {
            assertInstanceOf(CheckResult.Invalid.class, check.check(bad, rw(), "GET", "a"), String.valueOf(bad));
        }
    }

    @Test
    void an_empty_or_missing_token_is_invalid() {
        assertInstanceOf(CheckResult.Invalid.class, check.check(sid.value(), "", "GET", "a"));
        assertInstanceOf(CheckResult.Invalid.class, check.check(sid.value(), null, "GET", "a"));
    }

    @Test
    void an_unknown_token_is_invalid() {
        String guess = AuthTokenFormat.generate(TokenScope.READ_WRITE, world.random());
        assertInstanceOf(CheckResult.Invalid.class, check.check(sid.value(), guess, "GET", "a"));
    }

    @Test
    void a_reset_token_of_another_account_is_invalid_not_reset() {
        Actor other = world.operator("other@example.com");
        AccountSid otherSid = world.account("Other", other);
        service.reset(admin, sid, TokenScope.READ_WRITE, Fixture.ORIGIN);
        assertInstanceOf(CheckResult.Invalid.class, check.check(otherSid.value(), rw(), "GET", "a"));
    }

    @Test
    void a_store_failure_propagates_instead_of_passing() {
        world.tx().failNextCall(new StoreUnavailableException("database unreachable", null));
        assertThrows(StoreUnavailableException.class, () -> check.check(sid.value(), rw(), "GET", "a"));
    }
}
