package org.tokendesk.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

/** {@code backup FILE} while the node runs, and the documented restore (docs/backup.md). */
class BackupRestoreTest {

    @Test
    void a_backup_taken_while_the_node_runs_restores_the_state_of_its_moment() throws IOException {
        TestNode node = TestNode.sqlite();
        Map<String, String> env = node.env();
        Path backup = node.dataDir().resolve("backups").resolve("tokendesk-1.db");
        Files.createDirectories(backup.getParent());
        LegacyTokens before;
        try {
            ApiClient admin = node.admin();
            String sid = admin.createAccount("Backed up");
            before = admin.enableLegacyTokens(sid);

            Cli.Result r = Cli.run(env, "backup", backup.toString());
            assertEquals(0, r.exit(), r::toString);
            assertTrue(r.out().contains("backup written to " + backup) && r.out().contains("integrity ok"), r::toString);
            assertTrue(r.err().contains("master key"), r::toString);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
            assertEquals(1, Cli.run(env, "backup", backup.toString()).exit(), "an existing file is not replaced");

            // after the backup: a reset and a new account
            admin.post("/api/v1/accounts/" + sid + "/legacy-token/read-write/reset", null);
            admin.createAccount("After the backup");
            assertEquals(401, admin.check(sid, before.readWrite(), Map.of()).status());
        } finally {
            node.close();
        }

        // restore: stop, replace the database file (and drop its WAL files), start
        Path db = node.dataDir().resolve("tokendesk.db");
        Files.copy(backup, db, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(node.dataDir().resolve("tokendesk.db-wal"));
        Files.deleteIfExists(node.dataDir().resolve("tokendesk.db-shm"));
        TestNode restored = node.sibling();
        try {
            ApiClient admin = restored.admin();
            assertEquals(200, admin.get("/api/v1/accounts/" + before.accountSid()).status());
            assertEquals(1, admin.get("/api/v1/accounts").json().get("accounts").size());
            // the restore undid the reset: the docs tell operators to reset such tokens again
            assertEquals(204, admin.check(before.accountSid(), before.readWrite(), Map.of()).status());
        } finally {
            restored.close();
        }
    }

    @Test
    void backup_explains_pg_dump_for_postgresql_and_refuses_a_missing_directory() {
        Cli.Result pg = Cli.run(Map.of("TOKENDESK_DB_URL", "jdbc:postgresql://127.0.0.1:1/none"), "backup", "x.db");
        assertEquals(1, pg.exit(), pg::toString);
        assertTrue(pg.err().contains("pg_dump"), pg::toString);
        TestNode node = TestNode.sqlite();
        try {
            Cli.Result r = Cli.run(node.env(), "backup", node.dataDir().resolve("no/such/dir/x.db").toString());
            assertEquals(1, r.exit(), r::toString);
            assertTrue(r.err().contains("does not exist"), r::toString);
        } finally {
            node.close();
        }
    }
}
