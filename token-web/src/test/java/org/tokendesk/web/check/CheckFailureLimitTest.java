package org.tokendesk.web.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.web.testing.ContractAssertions.assertNoSecret;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/**
 * The failure limit of both credential checks ({@code TOKENDESK_CHECK_FAILURE_LIMIT}): 429 with
 * {@code Retry-After} per client address and per Account SID. The node trusts {@code X-Real-IP}
 * from 127.0.0.1, so each test plays its clients with addresses no other test uses.
 */
class CheckFailureLimitTest {

    private static final int LIMIT = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    static TestNode node;
    static ApiClient admin;
    static ApiClient anonymous;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite(Map.of("TOKENDESK_CHECK_FAILURE_LIMIT", Integer.toString(LIMIT)));
        admin = node.admin();
        anonymous = node.client();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String unknownSid() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "AC" + HexFormat.of().formatHex(bytes);
    }

    private static ApiClient.Response check(String sid, String token, String address) {
        return admin.check(sid, token, Map.of("X-Real-IP", address));
    }

    private static ApiClient.Response verify(String sid, String token, String address) {
        return anonymous.send("POST", "/v1/verify", Map.of("accountSid", sid, "authToken", token),
                Map.of("X-Real-IP", address));
    }

    private static void assertLimited(ApiClient.Response r, String... secrets) {
        assertProblem(r, 429);
        String retryAfter = r.header("Retry-After");
        assertNotNull(retryAfter, "Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 60, retryAfter);
        assertNoSecret(r, secrets);
    }

    @Test
    void too_many_failed_checks_from_one_address_get_429_while_another_address_still_passes() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Limited"));
        String attacker = TestNode.uniqueAddress();
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(401, check(unknownSid(), "guess-" + i, attacker).status(), "failure " + (i + 1));
        }
        assertLimited(check(unknownSid(), "one-more-guess", attacker));
        assertLimited(check(t.accountSid(), t.readWrite(), attacker), t.readWrite());

        ApiClient.Response other = check(t.accountSid(), t.readWrite(), TestNode.uniqueAddress());
        assertEquals(204, other.status());
        assertEquals(t.accountSid(), other.header("X-Account-Sid"));
    }

    @Test
    void malformed_and_missing_credentials_count_as_failures_of_the_address() {
        String client = TestNode.uniqueAddress();
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(401, anonymous.send("GET", "/v1/auth/check", null, Map.of("X-Real-IP", client)).status());
        }
        assertLimited(anonymous.send("GET", "/v1/auth/check", null, Map.of("X-Real-IP", client)));
    }

    @Test
    void too_many_failed_checks_for_one_account_sid_get_429_from_any_address() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Targeted"));
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(401, check(t.accountSid(), "guess-" + i, TestNode.uniqueAddress()).status());
        }
        assertLimited(check(t.accountSid(), "another-guess", TestNode.uniqueAddress()));
        assertLimited(verify(t.accountSid(), "another-guess", TestNode.uniqueAddress()));
    }

    @Test
    void a_valid_credential_still_passes_while_its_account_sid_is_limited() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Targeted but working"));
        for (int i = 0; i <= LIMIT; i++) {
            check(t.accountSid(), "guess-" + i, TestNode.uniqueAddress());
        }
        assertLimited(check(t.accountSid(), "guess", TestNode.uniqueAddress()));
        assertEquals(204, check(t.accountSid(), t.readOnly(), TestNode.uniqueAddress()).status());
    }

    @Test
    void verify_answers_429_with_retry_after_after_too_many_failures_from_one_address() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Verify limited"));
        String client = TestNode.uniqueAddress();
        for (int i = 0; i < LIMIT; i++) {
            ApiClient.Response r = verify(unknownSid(), "guess-" + i, client);
            assertEquals(200, r.status());
            assertEquals("invalid_credentials", r.text("code"));
        }
        assertLimited(verify(unknownSid(), "guess", client));
        assertLimited(verify(t.accountSid(), t.readWrite(), client), t.readWrite());
        assertTrue(verify(t.accountSid(), t.readWrite(), TestNode.uniqueAddress()).json().get("valid").asBoolean());
    }

    @Test
    void failures_of_both_endpoints_count_against_the_same_address() {
        String client = TestNode.uniqueAddress();
        for (int i = 0; i < LIMIT; i++) {
            ApiClient.Response r = i % 2 == 0 ? check(unknownSid(), "guess", client) : verify(unknownSid(), "guess", client);
            assertTrue(r.status() == 401 || r.status() == 200, r.body());
        }
        assertLimited(check(unknownSid(), "guess", client));
        assertLimited(verify(unknownSid(), "guess", client));
    }

    @Test
    void passing_checks_do_not_count_as_failures() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Busy"));
        String client = TestNode.uniqueAddress();
        for (int i = 0; i < 3 * LIMIT; i++) {
            assertEquals(204, check(t.accountSid(), t.readWrite(), client).status());
        }
    }
}
