package org.tokendesk.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.TestNode;

/** {@code import-legacy}: agencies keep their existing credentials working. */
class ImportLegacyCommandTest {

    static final String HEADER = "accountSid,name,readWriteToken,readOnlyToken,createdAt,apiVersion\n";

    static TestNode node;
    static ApiClient admin;

    @BeforeAll
    static void start() {
        node = TestNode.sqlite(Map.of("TOKENDESK_CHECK_FAILURE_LIMIT", "100000"));
        admin = node.admin();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static String sid() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return "AC" + HexFormat.of().formatHex(b);
    }

    static String token(String label) {
        byte[] b = new byte[12];
        ThreadLocalRandom.current().nextBytes(b);
        return label + HexFormat.of().formatHex(b);
    }

    private static Path csv(String name, String body) throws IOException {
        Path file = node.dataDir().resolve(name);
        Files.writeString(file, body);
        return file;
    }

    private static void assertNoToken(Cli.Result r, String... tokens) {
        for (String t : tokens) {
            assertFalse(r.all().contains(t), () -> "a token in the output:\n" + r);
        }
    }

    @Test
    void imported_tokens_keep_their_values_pass_checks_and_are_legacy_by_the_cutoff_rule() throws IOException {
        String old = sid();
        String recent = sid();
        String rw1 = token("oldrw"), ro1 = token("oldro"), rw2 = token("newrw"), ro2 = token("newro");
        Path file = csv("two.csv", HEADER + old + ",Old agency," + rw1 + "," + ro1 + ",2023-05-01T10:00:00Z,v12\n"
                + recent + ",\"Recent, Inc.\"," + rw2 + "," + ro2 + ",2025-06-01,\n");
        Cli.Result r = Cli.run(node.env(), "import-legacy", file.toString(), "--admin", TestNode.ADMIN_EMAIL);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("line 2  imported: " + old + " (new account, legacy, v12)"), r::toString);
        assertTrue(r.out().contains("line 3  imported: " + recent + " (new account, not legacy"), r::toString);
        assertTrue(r.out().contains("2 row(s): 2 imported, 0 unchanged, 0 skipped, 0 rejected"), r::toString);
        assertNoToken(r, rw1, ro1, rw2, ro2);

        assertEquals(204, admin.check(old, rw1, Map.of()).status());
        assertEquals(204, admin.check(old, ro1, Map.of()).status());
        assertEquals(403, admin.check(old, ro1, Map.of("X-Original-Method", "POST")).status());
        assertEquals(204, admin.check(recent, rw2, Map.of()).status());
        JsonNode card = admin.get("/api/v1/accounts/" + old + "/legacy-token").json();
        assertTrue(card.get("legacy").asBoolean());
        assertEquals("v12", card.get("apiVersion").asText());
        assertEquals("2023-05-01T10:00:00Z", card.get("readWrite").get("createdAt").asText());
        assertFalse(admin.get("/api/v1/accounts/" + recent + "/legacy-token").json().get("legacy").asBoolean());
        assertEquals("Recent, Inc.", admin.get("/api/v1/accounts/" + recent).json().get("name").asText());
        JsonNode credentials = admin.get("/api/v1/accounts/" + old + "/legacy-token/credentials").json();
        assertEquals(rw1, credentials.get("readWrite").get("authToken").asText());
        assertTrue(admin.get("/api/v1/accounts/" + old + "/audit").body().contains("legacy_token.imported"));
    }

    @Test
    void importing_the_same_file_again_changes_nothing_and_never_brings_back_a_reset_token() throws IOException {
        String a = sid();
        String b = sid();
        String rwA = token("rwa"), roA = token("roa"), rwB = token("rwb"), roB = token("rob");
        Path file = csv("again.csv", HEADER + a + ",A," + rwA + "," + roA + ",2024-01-01T00:00:00Z,v11\n"
                + b + ",B," + rwB + "," + roB + ",2024-01-01T00:00:00Z,v11\n");
        assertEquals(0, Cli.run(node.env(), "import-legacy", file.toString(), "--admin", TestNode.ADMIN_EMAIL).exit());
        admin.post("/api/v1/accounts/" + b + "/legacy-token/read-write/reset", null);
        Cli.Result again = Cli.run(node.env(), "import-legacy", file.toString());
        assertEquals(0, again.exit(), again::toString);
        assertTrue(again.out().contains("unchanged: " + a), again::toString);
        assertTrue(again.out().contains("skipped: " + b), again::toString);
        assertTrue(again.out().contains("2 row(s): 0 imported, 1 unchanged, 1 skipped, 0 rejected"), again::toString);
        assertEquals(401, admin.check(b, rwB, Map.of()).status());
        assertNoToken(again, rwA, roA, rwB, roB);
    }

    @Test
    void a_malformed_row_is_reported_and_nothing_of_it_is_written_while_the_good_rows_are_imported() throws IOException {
        String good = sid();
        String bad = sid();
        String used = sid();
        String rw = token("goodrw"), ro = token("goodro"), badRw = token("badrw");
        Path file = csv("mixed.csv", HEADER
                + good + ",Good," + rw + "," + ro + ",2024-02-02T00:00:00Z,v13\n"
                + bad + ",Bad," + badRw + ",short,not-a-date,v99\n"
                + "ACnotasid,Broken," + token("x") + "," + token("y") + ",2024-01-01T00:00:00Z,v13\n"
                + bad + ",Too few fields\n"
                + used + ",Reuse," + rw + "," + token("other") + ",2024-01-01T00:00:00Z,v13\n"
                + bad + ",\"unclosed," + badRw + "\n");
        Cli.Result r = Cli.run(node.env(), "import-legacy", file.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.out().contains("line 2  imported: " + good), r::toString);
        assertTrue(r.out().contains("line 3  rejected: " + bad + ": readOnlyToken must have 8 to 256 characters; "
                + "createdAt must be an ISO-8601 time"), r::toString);
        assertTrue(r.out().contains("apiVersion must be one of v11, v12, v13"), r::toString);
        assertTrue(r.out().contains("line 4  rejected: accountSid must be AC followed by 32 lowercase hex digits"), r::toString);
        assertTrue(r.out().contains("line 5  rejected: the row has 2 fields, the header 6"), r::toString);
        assertTrue(r.out().contains("line 6  rejected: " + used + ": readWriteToken is the current token of another account"),
                r::toString);
        assertTrue(r.out().contains("line 7  rejected: the row is malformed"), r::toString);
        assertTrue(r.out().contains("6 row(s): 1 imported, 0 unchanged, 0 skipped, 5 rejected"), r::toString);
        assertNoToken(r, rw, ro, badRw);
        assertEquals(204, admin.check(good, rw, Map.of()).status());
        assertEquals(404, admin.get("/api/v1/accounts/" + used).status());
        assertEquals(0, Cli.run(node.env(), "audit", "export", "--account", bad).out().length());
    }

    @Test
    void a_dry_run_reports_what_would_happen_and_writes_nothing() throws IOException {
        String s = sid();
        String rw = token("dryrw"), ro = token("dryro");
        Path file = csv("dry.csv", "apiVersion,createdAt,readOnlyToken,readWriteToken,name,accountSid\n"
                + ",2022-12-31T23:00:00+01:00," + ro + "," + rw + ",Dry," + s + "\n");
        Cli.Result r = Cli.run(node.env(), "import-legacy", "--dry-run", file.toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("would import: " + s + " (new account, legacy, v13)"), r::toString);
        assertTrue(r.out().contains("(dry run: nothing was written)"), r::toString);
        assertEquals(401, admin.check(s, rw, Map.of()).status());
        assertEquals(0, Cli.run(node.env(), "import-legacy", file.toString()).exit());
        assertEquals(204, admin.check(s, rw, Map.of()).status());
    }

    @Test
    void a_wrong_header_stops_the_import_before_any_row() throws IOException {
        Cli.Result r = Cli.run(node.env(), "import-legacy", csv("header.csv", "sid,name,token\n").toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("the first line must be the header accountSid,name,readWriteToken"), r::toString);
        assertEquals(2, Cli.run(node.env(), "import-legacy", node.dataDir().resolve("absent.csv").toString()).exit());
        Cli.Result admin = Cli.run(node.env(), "import-legacy", "--admin", "nobody@example.com",
                csv("h2.csv", HEADER).toString());
        assertEquals(1, admin.exit(), admin::toString);
    }

    @Test
    void a_large_file_shows_a_progress_bar_on_standard_error_and_the_report_can_go_to_a_file() throws IOException {
        StringBuilder body = new StringBuilder(HEADER);
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String rw = token("bulkrw"), ro = token("bulkro");
            tokens.add(rw);
            body.append(sid()).append(",Bulk ").append(i).append(',').append(rw).append(',').append(ro)
                    .append(",2024-03-01T00:00:00Z,v13\n");
        }
        Path report = node.dataDir().resolve("bulk-report.txt");
        Cli.Result r = Cli.run(node.env(), "import-legacy", "--progress", "always", "--report", report.toString(),
                csv("bulk.csv", body.toString()).toString());
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("\r[##############################] 100%  300 rows"), () -> r.err().substring(0, 200));
        assertTrue(r.out().contains("300 row(s): 300 imported"), r::toString);
        String lines = Files.readString(report);
        assertEquals(300, lines.lines().count());
        for (String t : tokens) {
            assertFalse(lines.contains(t) || r.all().contains(t), "a token in the report");
        }
    }
}
