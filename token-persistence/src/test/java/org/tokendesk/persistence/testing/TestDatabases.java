package org.tokendesk.persistence.testing;

import org.tokendesk.persistence.Database;
import org.tokendesk.persistence.DatabaseSettings;
import org.tokendesk.persistence.Dialect;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh, migrated databases for tests: SQLite in a temporary file, PostgreSQL on the server named
 * by {@code TOKENDESK_TEST_POSTGRES_URL} or, without it, on an embedded server from Maven Central
 * binaries started once per JVM. Never skipped.
 */
public final class TestDatabases {

    private static String postgresAdminUrl;
    private static EmbeddedPostgres embedded;
    private static final java.util.List<String> CREATED = new java.util.ArrayList<>();

    private TestDatabases() {
    }

    public static DatabaseSettings settings(Dialect dialect) {
        return dialect == Dialect.SQLITE ? sqlite() : postgres();
    }

    public static DatabaseSettings sqlite() {
        try {
            Path dir = Files.createTempDirectory("tokendesk-test");
            return new DatabaseSettings("jdbc:sqlite:" + dir.resolve("tokendesk.db"), null, null, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty PostgreSQL database on the test server. */
    public static synchronized DatabaseSettings postgres() {
        String admin = postgresAdminUrl();
        String name = "td_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + admin, e);
        }
        return new DatabaseSettings(withDatabase(admin, name), null, null, 10);
    }

    /** The admin JDBC URL (user included) of the test PostgreSQL server. */
    public static synchronized String postgresAdminUrl() {
        if (postgresAdminUrl == null) {
            String fromEnv = System.getenv("TOKENDESK_TEST_POSTGRES_URL");
            if (fromEnv != null && !fromEnv.isBlank()) {
                postgresAdminUrl = fromEnv;
                // the shared server keeps nothing of this run
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreated, "drop-test-databases"));
            } else {
                try {
                    embedded = EmbeddedPostgres.builder().start();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
                }
                postgresAdminUrl = embedded.getJdbcUrl("postgres", "postgres");
            }
        }
        return postgresAdminUrl;
    }

    private static synchronized void dropCreated() {
        try (Connection c = DriverManager.getConnection(postgresAdminUrl); Statement s = c.createStatement()) {
            for (String name : CREATED) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("could not drop the test databases: " + e.getMessage());
        }
    }

    public static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String hostPart = slash < 0 ? base : base.substring(0, slash);
        return hostPart + "/" + database + params;
    }

    public static Database openMigrated(DatabaseSettings settings) {
        Database db = Database.open(settings);
        db.migrate();
        return db;
    }
}
