package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.Fixture;

class CredentialCheckLimitTest {

    private static final int LIMIT = 3;
    private static final String WRONG = "tdrw_wrong";

    private final Fixture world = new Fixture();
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Acme", admin);
    private final EnabledTokens enabled = world.legacyTokens().enable(admin, sid, Fixture.ORIGIN);
    private final CredentialCheck check = new CredentialCheck(world.tx(), world.hasher(), new CheckFailureLimiter(LIMIT),
            new UsageRecorder(), world.clock());

    private CheckResult checkFrom(String address, String token) {
        return check.check(sid.value(), token, "GET", address);
    }

    private void failFrom(String address, int times) {
        for (int i = 0; i < times; i++) {
            assertInstanceOf(CheckResult.Invalid.class, checkFrom(address, WRONG));
        }
    }

    @Test
    void after_the_limit_an_address_is_limited_with_a_positive_retry_after() {
        failFrom("198.51.100.1", LIMIT);
        CheckResult result = checkFrom("198.51.100.1", WRONG);
        CheckResult.Limited limited = assertInstanceOf(CheckResult.Limited.class, result);
        assertTrue(limited.retryAfter().compareTo(Duration.ZERO) > 0);
        assertTrue(limited.retryAfter().compareTo(Duration.ofMinutes(1)) <= 0);
    }

    @Test
    void a_limited_address_is_limited_even_with_a_valid_token() {
        failFrom("198.51.100.1", LIMIT);
        assertInstanceOf(CheckResult.Limited.class, checkFrom("198.51.100.1", enabled.readWrite().reveal()));
    }

    @Test
    void other_addresses_with_valid_credentials_still_pass() {
        failFrom("198.51.100.1", LIMIT);
        assertInstanceOf(CheckResult.Valid.class, checkFrom("198.51.100.2", enabled.readWrite().reveal()));
    }

    @Test
    void malformed_requests_count_against_the_address() {
        for (int i = 0; i < LIMIT; i++) {
            assertInstanceOf(CheckResult.Invalid.class, check.check("not-a-sid", WRONG, "GET", "198.51.100.1"));
        }
        assertInstanceOf(CheckResult.Limited.class, checkFrom("198.51.100.1", WRONG));
    }

    @Test
    void failures_for_one_sid_from_many_addresses_limit_that_sid() {
        for (int i = 0; i < LIMIT; i++) {
            failFrom("198.51.100." + i, 1);
        }
        assertInstanceOf(CheckResult.Limited.class, checkFrom("203.0.113.99", WRONG));
    }

    @Test
    void a_limited_sid_still_accepts_its_valid_token() {
        for (int i = 0; i < LIMIT; i++) {
            failFrom("198.51.100." + i, 1);
        }
        assertInstanceOf(CheckResult.Valid.class, checkFrom("203.0.113.99", enabled.readOnly().reveal()));
    }

    @Test
    void the_limit_ends_with_the_window() {
        failFrom("198.51.100.1", LIMIT);
        CheckResult.Limited limited = assertInstanceOf(CheckResult.Limited.class, checkFrom("198.51.100.1", WRONG));
        world.clock().advance(limited.retryAfter());
        assertInstanceOf(CheckResult.Valid.class, checkFrom("198.51.100.1", enabled.readWrite().reveal()));
        failFrom("198.51.100.1", LIMIT);
    }

    @Test
    void the_retry_after_shrinks_as_the_window_runs_out() {
        failFrom("198.51.100.1", LIMIT);
        world.clock().advance(Duration.ofSeconds(40));
        assertEquals(new CheckResult.Limited(Duration.ofSeconds(20)), checkFrom("198.51.100.1", WRONG));
    }

    @Test
    void a_read_only_token_for_a_change_does_not_count_as_a_failure() {
        for (int i = 0; i < LIMIT + 1; i++) {
            assertInstanceOf(CheckResult.ForbiddenMethod.class,
                    check.check(sid.value(), enabled.readOnly().reveal(), "POST", "198.51.100.1"));
        }
        assertInstanceOf(CheckResult.Valid.class, checkFrom("198.51.100.1", enabled.readOnly().reveal()));
    }
}
