package org.tokendesk.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
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

    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Flyway flyway;
    private final JdbiTransactions transactions;

    private Database(DatabaseSettings settings) {
        this.dialect = settings.dialect();
        this.dataSource = new HikariDataSource(poolConfig(settings));
        this.jdbi = Jdbi.create(dataSource);
        this.flyway = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .load();
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

    /** Applies pending migrations. */
    public int migrate() {
        return flyway.migrate().migrationsExecuted;
    }

    /** @return whether the database answers and every migration is applied */
    public boolean isReady() {
        try {
            jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            for (MigrationInfo info : flyway.info().pending()) {
                if (info != null) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
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
