package org.tokendesk.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;
import org.tokendesk.domain.secret.SecretCipher;
import org.tokendesk.domain.secret.SecretGenerator;
import org.tokendesk.domain.tx.Transactions;
import org.tokendesk.persistence.internal.JdbiTransactions;
import org.tokendesk.persistence.internal.ServerKeys;

/**
 * The database: connection pool, migrations, transactions. One per process.
 */
public final class Database implements AutoCloseable {

    /**
     * The version of the newest migration in {@code db/migration/sqlite} and
     * {@code db/migration/postgresql}; a test holds it to the files, so a new migration cannot
     * forget it.
     */
    static final int LATEST_MIGRATION = 6;

    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    /** Made when first needed: a restart on a schema that is up to date never needs it. */
    private Flyway flyway;
    private final JdbiTransactions transactions;

    private Database(DatabaseSettings settings) {
        this.dialect = settings.dialect();
        this.dataSource = new HikariDataSource(poolConfig(settings));
        this.jdbi = Jdbi.create(dataSource);
        this.transactions = new JdbiTransactions(jdbi, dialect);
    }

    /** Opens the pool; does not connect yet, so a node can start while the database is down. */
    public static Database open(DatabaseSettings settings) {
        return new Database(settings);
    }

    private static HikariConfig poolConfig(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tokendesk");
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        // fail fast (fail closed) when the database is gone instead of queueing checks for 30 s
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        if (settings.dialect() == Dialect.SQLITE) {
            Properties sqlite = new Properties();
            sqlite.setProperty("journal_mode", "WAL");
            // FULL: a commit acknowledged to a client survives a crash of the process and of the machine
            sqlite.setProperty("synchronous", "FULL");
            sqlite.setProperty("busy_timeout", "10000");
            sqlite.setProperty("foreign_keys", "true");
            // BEGIN IMMEDIATE: take the write lock up front, so concurrent writers wait instead of failing
            sqlite.setProperty("transaction_mode", "IMMEDIATE");
            config.setDataSourceProperties(sqlite);
        } else {
            config.addDataSourceProperty("connectTimeout", "5");
            config.addDataSourceProperty("socketTimeout", "30");
            config.addDataSourceProperty("tcpKeepAlive", "true");
        }
        return config;
    }

    /**
     * Applies pending migrations. When the schema history is exactly this build's (every migration
     * up to its newest applied successfully, none newer, none failed), there is nothing to do and
     * Flyway is not started at all: on a restart, configuring it, scanning the jar for scripts and
     * validating their checksums took about 0.2 s of the main thread. Any other state (a new
     * database, an older or a newer schema, a failed migration, no answer) goes to Flyway, which
     * applies, warns and fails as it always did. The versions say it all because every migration
     * is a versioned one ({@code LatestMigrationTest} keeps it so): there is no repeatable script
     * whose change Flyway would apply again. What the shortcut does not do is Flyway's checksum
     * check of the scripts already applied, which finds a script edited after its release.
     */
    public int migrate() {
        if (historyIsThisBuilds()) {
            return 0;
        }
        return flyway().migrate().migrationsExecuted;
    }

    /** @return whether the database answers and every migration of this build is applied */
    public boolean isReady() {
        // migrations are applied in version order, each after the one before succeeded: the newest
        // stands for all (a newer node's later migrations leave this node ready)
        return latestApplied(history());
    }

    private boolean historyIsThisBuilds() {
        List<AppliedMigration> history = history();
        return history.stream().allMatch(m -> m.success() && m.version() <= LATEST_MIGRATION) && latestApplied(history);
    }

    private static boolean latestApplied(List<AppliedMigration> history) {
        return history.stream().anyMatch(m -> m.success() && m.version() == LATEST_MIGRATION);
    }

    /**
     * Flyway's schema history, its migrations only (not its schema creation marker); empty when
     * there is none yet (a new database) or no answer.
     */
    private List<AppliedMigration> history() {
        try {
            return jdbi.withHandle(h -> h.createQuery(
                    "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")
                    .map((rs, ctx) -> new AppliedMigration(versionNumber(rs.getString("version")),
                            rs.getBoolean("success"))).list());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** A version that is no whole number is no version of ours: newer than any, for the shortcut. */
    private static int versionNumber(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private record AppliedMigration(int version, boolean success) {
    }

    /** How this build runs Flyway; the tests use it too, to leave a schema at an older version. */
    static FluentConfiguration flyway(DataSource dataSource, Dialect dialect) {
        return Flyway.configure(Database.class.getClassLoader()).dataSource(dataSource)
                .locations(dialect.migrationLocation());
    }

    private synchronized Flyway flyway() {
        if (flyway == null) {
            flyway = flyway(dataSource, dialect).load();
        }
        return flyway;
    }

    /** Whether this instance has started Flyway (tests: a restart on an up-to-date schema does not). */
    synchronized boolean migrationToolStarted() {
        return flyway != null;
    }

    public Transactions transactions() {
        return transactions;
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Loads a server-wide random key (such as the token lookup pepper), creating it on first use.
     * It is stored encrypted under the master key, so every node with the same master key gets the
     * same value, and a node with another master key fails at start instead of rejecting tokens.
     */
    public byte[] serverKey(String name, int length, SecretCipher cipher, SecretGenerator random) {
        return new ServerKeys(jdbi).loadOrCreate(name, length, cipher, random);
    }

    /** Re-encrypts server keys under a new cipher (master key rotation). */
    public int reencryptServerKeys(SecretCipher from, SecretCipher to) {
        return new ServerKeys(jdbi).reencrypt(from, to);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
