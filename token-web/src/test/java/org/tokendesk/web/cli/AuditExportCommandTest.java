package org.tokendesk.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.http.Json;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/** {@code audit export}: JSON lines in the API's shape, oldest first, never a secret. */
class AuditExportCommandTest {

    static TestNode node;
    static String sid;
    static LegacyTokens tokens;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite();
        ApiClient admin = node.admin();
        sid = admin.createAccount("Audited");
        tokens = admin.enableLegacyTokens(sid);
        admin.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null);
        admin.createAccount("Other");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static List<JsonNode> lines(String text) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : text.lines().toList()) {
            out.add(Json.mapper().readTree(line));
        }
        return out;
    }

    @Test
    void export_writes_every_event_as_one_json_object_per_line_oldest_first() throws IOException {
        Cli.Result r = Cli.run(node.env(), "audit", "export");
        assertEquals(0, r.exit(), r::toString);
        List<JsonNode> events = lines(r.out());
        assertTrue(events.size() >= 5, r::toString);
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).get("id").asLong() > events.get(i - 1).get("id").asLong());
        }
        for (JsonNode e : events) {
            for (String field : new String[] {"id", "at", "actor", "action", "accountSid", "ip", "details"}) {
                assertTrue(e.has(field), () -> field + " missing in " + e);
            }
        }
        assertTrue(events.stream().anyMatch(e -> e.get("action").asText().equals("legacy_token.reset")));
        assertTrue(events.stream().anyMatch(e -> e.get("accountSid").isNull()), "platform events are exported too");
        assertFalse(r.all().contains(tokens.readWrite()) || r.all().contains(tokens.readOnly()), "a token in the export");
        assertTrue(r.err().contains("exported " + events.size()), r::toString);
    }

    @Test
    void export_filters_by_account_and_continues_after_an_id() throws IOException {
        List<JsonNode> mine = lines(Cli.run(node.env(), "audit", "export", "--account", sid).out());
        assertTrue(mine.stream().allMatch(e -> e.get("accountSid").asText().equals(sid)));
        assertEquals(List.of("account.created", "legacy_token.enabled", "legacy_token.revealed", "legacy_token.reset"),
                mine.stream().map(e -> e.get("action").asText()).toList());
        long second = mine.get(1).get("id").asLong();
        List<JsonNode> after = lines(Cli.run(node.env(), "audit", "export", "--account", sid, "--after-id",
                Long.toString(second)).out());
        assertEquals(2, after.size());
        assertEquals(2, Cli.run(node.env(), "audit", "export", "--account", "ACnope").exit());
        assertEquals(2, Cli.run(node.env(), "audit", "export", "--since", "yesterday").exit());
    }

    @Test
    void export_writes_to_a_file_when_asked() throws IOException {
        Path file = node.dataDir().resolve("audit.jsonl");
        Cli.Result r = Cli.run(node.env(), "audit", "export", "--output", file.toString(), "--since", "2000-01-01T00:00:00Z");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().isEmpty());
        assertFalse(lines(Files.readString(file)).isEmpty());
    }
}
