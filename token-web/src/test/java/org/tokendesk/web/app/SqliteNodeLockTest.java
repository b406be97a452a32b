package org.tokendesk.web.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.config.Settings;
import org.tokendesk.web.testing.TestNode;

/** On SQLite one node per database file: the check cache's "only node" shortcut depends on it. */
class SqliteNodeLockTest {

    @Test
    void a_second_node_on_the_same_sqlite_database_is_refused_until_the_first_stops() {
        TestNode first = TestNode.sqlite();
        Map<String, String> env = new HashMap<>(first.env());
        env.put("TOKENDESK_HTTP_PORT", "0");
        try {
            StartupException refused = assertThrows(StartupException.class, () -> Application.start(Settings.from(env)));
            assertTrue(refused.getMessage().contains("another tokendesk node is serving"), refused.getMessage());
            assertEquals(200, first.client().get("/health/ready").status(), "the first node is untouched");
        } finally {
            first.close();
        }
        try (Application second = Application.start(Settings.from(env))) {
            assertTrue(second.port() > 0, "once the first node stopped, a node may start again");
        }
    }

    @Test
    void the_lock_file_sits_beside_the_database_file_and_memory_databases_need_none() {
        assertEquals(Optional.of(Path.of("/var/lib/tokendesk/tokendesk.db")),
                SqliteNodeLock.databaseFile("jdbc:sqlite:/var/lib/tokendesk/tokendesk.db?journal_mode=WAL"));
        assertEquals(Optional.of(Path.of("/data/td.db")), SqliteNodeLock.databaseFile("jdbc:sqlite:file:/data/td.db"));
        assertEquals(Optional.empty(), SqliteNodeLock.databaseFile("jdbc:sqlite::memory:"));
        assertEquals(Optional.empty(), SqliteNodeLock.databaseFile("jdbc:sqlite:file:x?mode=memory"));
    }
}
