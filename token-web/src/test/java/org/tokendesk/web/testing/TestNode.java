package org.tokendesk.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.tokendesk.domain.secret.MasterKey;
import org.tokendesk.domain.secret.SecureRandomGenerator;
import org.tokendesk.persistence.DatabaseSettings;
import org.tokendesk.persistence.testing.TestDatabases;
import org.tokendesk.web.app.Application;
import org.tokendesk.web.config.Settings;

/**
 * A real tokendesk node in this JVM on a free port, with a known platform admin, on SQLite (in a
 * temporary data dir) or PostgreSQL (a fresh database on the test server).
 */
public final class TestNode implements AutoCloseable {

    public static final String ADMIN_EMAIL = "root@example.com";
    public static final String ADMIN_PASSWORD = "a very long test password";
    /** The password of every operator made by {@link #newOperator}. */
    public static final String OPERATOR_PASSWORD = "another long test password";

    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    private final Application app;
    private final Path dataDir;
    private final Map<String, String> env;
    private ApiClient setupAdmin;

    private TestNode(Map<String, String> env, Path dataDir) {
        SecretsSeen.captureLogs();
        SecretsSeen.remember(env.get("TOKENDESK_MASTER_KEY"));
        SecretsSeen.remember(env.get("TOKENDESK_BOOTSTRAP_ADMIN_PASSWORD"));
        SecretsSeen.remember(env.get("TOKENDESK_DB_PASSWORD"));
        this.env = Map.copyOf(env);
        this.dataDir = dataDir;
        this.app = Application.start(Settings.from(env));
    }

    public static TestNode sqlite() {
        return sqlite(Map.of());
    }

    public static TestNode sqlite(Map<String, String> extra) {
        Path dir = tempDir();
        Map<String, String> env = base(dir);
        env.putAll(extra);
        return new TestNode(env, dir);
    }

    public static TestNode postgres() {
        return postgres(Map.of());
    }

    public static TestNode postgres(Map<String, String> extra) {
        Path dir = tempDir();
        Map<String, String> env = base(dir);
        DatabaseSettings db = TestDatabases.postgres();
        env.put("TOKENDESK_DB_URL", db.jdbcUrl());
        env.putAll(extra);
        return new TestNode(env, dir);
    }

    /** Another node on the same database and master key (several nodes). */
    public TestNode sibling() {
        Map<String, String> env = new HashMap<>(this.env);
        env.put("TOKENDESK_HTTP_PORT", "0");
        return new TestNode(env, dataDir);
    }

    private static Map<String, String> base(Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("TOKENDESK_HTTP_PORT", "0");
        env.put("TOKENDESK_DATA_DIR", dir.toString());
        env.put("TOKENDESK_MASTER_KEY", MasterKey.generate(new SecureRandomGenerator()).toBase64());
        env.put("TOKENDESK_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("TOKENDESK_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return env;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("tokendesk-node");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public int port() {
        return app.port();
    }

    public Application app() {
        return app;
    }

    /** The request header cache size of each HTTP connection factory of each connector (plain or TLS). */
    public List<Integer> headerCacheSizes() {
        List<Integer> sizes = new ArrayList<>();
        for (Connector connector : app.server().jettyServer().server().getConnectors()) {
            for (ConnectionFactory factory : connector.getConnectionFactories()) {
                if (factory instanceof HttpConfiguration.ConnectionFactory http) {
                    sizes.add(http.getHttpConfiguration().getHeaderCacheSize());
                }
            }
        }
        return sizes;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Map<String, String> env() {
        return env;
    }

    /** A client signed in as the bootstrap platform admin. */
    public ApiClient admin() {
        return client().signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    public ApiClient client() {
        return new ApiClient(baseUrl());
    }

    /** An email address no other test uses. */
    public static String uniqueEmail(String label) {
        return label + "-" + SEQUENCE.incrementAndGet() + "-" + Long.toHexString(System.nanoTime()) + "@example.com";
    }

    /** A client address (for {@code X-Real-IP}) no other test uses. */
    public static String uniqueAddress() {
        long n = SEQUENCE.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    /** A new operator (not a platform admin), created by the bootstrap admin and signed in. */
    public synchronized ApiClient newOperator(String label) {
        if (setupAdmin == null) {
            setupAdmin = admin();
        }
        String email = uniqueEmail(label);
        ApiClient.Response r = setupAdmin.post("/api/v1/operators",
                Map.of("email", email, "password", OPERATOR_PASSWORD, "name", label));
        if (r.status() != 201) {
            throw new IllegalStateException("operator creation failed: " + r.status() + " " + r.body());
        }
        return client().signIn(email, OPERATOR_PASSWORD);
    }

    @Override
    public void close() {
        app.close();
    }
}
