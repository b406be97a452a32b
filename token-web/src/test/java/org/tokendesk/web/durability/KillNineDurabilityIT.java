package org.tokendesk.web.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/**
 * A reset that tokendesk acknowledged (200 with the new token) is durable: after {@code kill -9}
 * right after the answer and a restart on the same data dir, the new token passes and the old one
 * is reset. Runs against the real {@code target/tokendesk.jar} on SQLite.
 */
class KillNineDurabilityIT {

    /** 128 + 9: how a process that SIGKILL ended exits (SIGTERM would give 143). */
    private static final int KILLED_BY_SIGKILL = 137;

    @RegisterExtension
    final JarProcesses jars = new JarProcesses();

    private static ApiClient signIn(JarProcess node) {
        return node.client().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
    }

    private static ApiClient.Response resetReadWrite(ApiClient admin, String accountSid) {
        var reset = admin.post("/api/v1/accounts/" + accountSid + "/legacy-token/read-write/reset", null);
        assertEquals(200, reset.status(), reset.body());
        return reset;
    }

    private static ApiClient.Response verify(ApiClient client, String accountSid, String token) {
        var r = client.post("/v1/verify", Map.of("accountSid", accountSid, "authToken", token));
        assertEquals(200, r.status(), r.body());
        return r;
    }

    @Test
    void an_acknowledged_reset_survives_kill_9_and_after_the_restart_only_the_new_token_passes() {
        Map<String, String> env = jars.nodeEnvironment();
        JarProcess first = jars.start("first", env).awaitReady();
        ApiClient admin = signIn(first);
        LegacyTokens tokens = admin.enableLegacyTokens(admin.createAccount("Durable"));
        var reset = resetReadWrite(admin, tokens.accountSid());
        assertEquals(KILLED_BY_SIGKILL, first.killNine());

        ApiClient anyone = jars.start("second", env).awaitReady().client();
        String sid = tokens.accountSid();
        assertEquals(204, anyone.check(sid, reset.text("authToken"), Map.of("X-Original-Method", "DELETE")).status());
        var old = anyone.check(sid, tokens.readWrite(), Map.of());
        assertEquals(401, old.status(), old.body());
        var verdict = verify(anyone, sid, tokens.readWrite());
        assertFalse(verdict.json().get("valid").asBoolean(), verdict.body());
        assertEquals("token_reset", verdict.text("code"));
        assertEquals(Instant.parse(reset.text("resetAt")), Instant.parse(verdict.text("resetAt")));
        assertEquals(204, anyone.check(sid, tokens.readOnly(), Map.of()).status(), "the read-only token was not reset");
    }

    @Test
    void twenty_acknowledged_resets_in_a_row_survive_kill_9_right_after_the_last_answer() {
        Map<String, String> env = jars.nodeEnvironment();
        JarProcess first = jars.start("first", env).awaitReady();
        ApiClient admin = signIn(first);
        LegacyTokens tokens = admin.enableLegacyTokens(admin.createAccount("Durable burst"));
        String sid = tokens.accountSid();
        List<String> acknowledged = new ArrayList<>(List.of(tokens.readWrite()));
        for (int i = 0; i < 20; i++) {
            acknowledged.add(resetReadWrite(admin, sid).text("authToken"));
        }
        assertEquals(KILLED_BY_SIGKILL, first.killNine());

        ApiClient anyone = jars.start("second", env).awaitReady().client();
        String last = acknowledged.get(acknowledged.size() - 1);
        assertEquals(204, anyone.check(sid, last, Map.of()).status(), "the last acknowledged token");
        for (int i = 0; i < acknowledged.size() - 1; i++) {
            int n = i;
            assertEquals(401, anyone.check(sid, acknowledged.get(i), Map.of()).status(), () -> "token #" + n + " of 21");
        }
        assertEquals("token_reset", verify(anyone, sid, acknowledged.get(0)).text("code"));
        assertEquals(List.of("ok"), integrityCheck(Path.of(env.get("TOKENDESK_DATA_DIR"), "tokendesk.db")));
    }

    /** {@code PRAGMA integrity_check} through sqlite-jdbc, next to the running node (WAL allows readers). */
    private static List<String> integrityCheck(Path database) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("PRAGMA integrity_check")) {
            List<String> out = new ArrayList<>();
            while (rows.next()) {
                out.add(rows.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError("cannot run PRAGMA integrity_check on " + database, e);
        }
    }
}
