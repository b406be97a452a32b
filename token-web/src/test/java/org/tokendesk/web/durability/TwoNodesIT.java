package org.tokendesk.web.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tokendesk.persistence.testing.TestDatabases;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/**
 * Two nodes as separate processes on one PostgreSQL. Resets alternate between them; right before
 * each reset the other node checks the old token (so it is in that node's cache), and right after
 * the reset is acknowledged the other node must refuse it: the reset waits out the cache lifetime.
 */
class TwoNodesIT {

    @RegisterExtension
    final JarProcesses jars = new JarProcesses();

    @Test
    void after_each_acknowledged_reset_the_other_node_refuses_the_old_token_at_once() {
        Map<String, String> first = jars.nodeEnvironment();
        first.put("TOKENDESK_DB_URL", TestDatabases.postgres().jdbcUrl());
        Map<String, String> second = new HashMap<>(first);
        second.put("TOKENDESK_HTTP_PORT", Integer.toString(JarProcess.freePort()));
        second.put("TOKENDESK_DATA_DIR", first.get("TOKENDESK_DATA_DIR") + "-second");
        List<JarProcess> nodes = List.of(jars.start("node-a", first).awaitReady(), jars.start("node-b", second).awaitReady());
        List<ApiClient> admins = new ArrayList<>();
        for (JarProcess node : nodes) {
            admins.add(node.client().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD));
        }
        LegacyTokens tokens = admins.get(0).enableLegacyTokens(admins.get(0).createAccount("Two nodes"));
        String sid = tokens.accountSid();
        String current = tokens.readWrite();
        int staleAccepts = 0;
        int newRefused = 0;
        for (int i = 0; i < 100; i++) {
            ApiClient resetter = admins.get(i % 2);
            JarProcess other = nodes.get((i + 1) % 2);
            assertEquals(204, other.client().check(sid, current, Map.of()).status(), "warm the other node's cache");
            var reset = resetter.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null);
            assertEquals(200, reset.status(), reset.body());
            if (other.client().check(sid, current, Map.of()).status() != 401) {
                staleAccepts++;
            }
            current = reset.text("authToken");
            if (other.client().check(sid, current, Map.of()).status() != 204) {
                newRefused++;
            }
        }
        assertEquals(0, staleAccepts, "stale accepts of 100");
        assertEquals(0, newRefused, "new tokens refused of 100");
    }
}
