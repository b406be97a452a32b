package org.tokendesk.web.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tokendesk.web.testing.ContractAssertions.assertNoSecret;
import static org.tokendesk.web.testing.ContractAssertions.assertProblem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.persistence.testing.TestDatabases;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.Eventually;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/**
 * Fail closed: while the database cannot be reached, checks answer 503 (never 204 once the check
 * cache's lifetime has passed, see docs/check-cache.md) and the node
 * is not ready; once it is back, checks pass again. The outage is made on the PostgreSQL server by
 * refusing connections to the node's database and ending the open ones.
 */
class DatabaseOutageTest {

    static TestNode node;
    static ApiClient admin;
    static String database;

    @BeforeAll
    static void start() {
        node = TestNode.postgres();
        admin = node.admin();
        String url = node.env().get("TOKENDESK_DB_URL");
        String path = url.substring(url.lastIndexOf('/') + 1);
        database = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    @AfterAll
    static void stop() {
        allowConnections(true);
        node.close();
    }

    private static void allowConnections(boolean allow) {
        try (Connection c = DriverManager.getConnection(TestDatabases.postgresAdminUrl());
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS " + allow);
            if (!allow) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the test database " + database, e);
        }
    }

    private static void assertUnavailable(ApiClient.Response r, String... secrets) {
        assertProblem(r, 503);
        assertNotNull(r.header("Retry-After"), "Retry-After");
        assertNoSecret(r, secrets);
    }

    @Test
    void checks_answer_503_while_the_database_is_unreachable_and_pass_again_after() {
        LegacyTokens t = admin.enableLegacyTokens(admin.createAccount("Outage"));
        String key = admin.post("/api/v1/keys", Map.of("name", "outage")).text("key");
        assertEquals(204, admin.check(t.accountSid(), t.readWrite(), Map.of()).status());

        allowConnections(false);
        // a cached "valid" is backed by a database answer at most the cache lifetime (50 ms) old;
        // from then on every check must go to the database and fail closed
        long cut = System.nanoTime();
        Eventually.waitFor("the check cache lifetime to pass", Duration.ofSeconds(1),
                () -> System.nanoTime() - cut > Duration.ofMillis(60).toNanos());
        try {
            ApiClient.Response check = admin.check(t.accountSid(), t.readWrite(), Map.of());
            assertUnavailable(check, t.readWrite());
            assertNull(check.header("X-Account-Sid"));
            assertUnavailable(admin.check(t.accountSid(), t.readOnly(), Map.of("X-Original-Method", "GET")), t.readOnly());
            assertUnavailable(node.client().post("/v1/verify",
                    Map.of("accountSid", t.accountSid(), "authToken", t.readWrite())), t.readWrite());
            assertUnavailable(node.client().withBearer(key).get("/api/v1/accounts"), key);
            assertEquals(503, node.client().get("/health/ready").status());
            assertEquals(200, node.client().get("/health/live").status());
        } finally {
            allowConnections(true);
        }

        Eventually.waitFor("checks passing again", Duration.ofSeconds(15),
                () -> admin.check(t.accountSid(), t.readWrite(), Map.of()).status() == 204);
        assertEquals(200, node.client().get("/health/ready").status());
        assertEquals(401, admin.check(t.accountSid(), t.readWrite() + "x", Map.of()).status());
    }
}
