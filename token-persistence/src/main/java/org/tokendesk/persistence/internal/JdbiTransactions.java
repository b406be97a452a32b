package org.tokendesk.persistence.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.tokendesk.domain.common.StoreUnavailableException;
import org.tokendesk.domain.tx.Stores;
import org.tokendesk.domain.tx.Transactions;
import org.tokendesk.persistence.Dialect;

/**
 * Transactions over Jdbi. Database outages become {@link StoreUnavailableException}, so the web
 * layer can answer 503 (fail closed) without knowing about JDBC.
 */
public final class JdbiTransactions implements Transactions {

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final ReentrantLock sqliteWriters;
    /** Foreground writers waiting for {@link #sqliteWriters}; background writers let them go first. */
    private final AtomicInteger foregroundWaiting = new AtomicInteger();

    public JdbiTransactions(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.sqliteWriters = dialect == Dialect.SQLITE ? new ReentrantLock(true) : null;
    }

    @Override
    public <T> T write(Function<Stores, T> work) {
        if (sqliteWriters == null) {
            return inTransaction(work);
        }
        // SQLite has one writer at a time; a writer that finds the file locked sleeps in SQLite's busy
        // handler (steps of up to 100 ms) and may sleep on after the lock is free. Writers of this
        // process queue here in arrival order instead, and background writers let these go first
        // (writeInBackground). Other processes (a command) still meet the busy handler.
        foregroundWaiting.incrementAndGet();
        try {
            sqliteWriters.lock();
        } finally {
            foregroundWaiting.decrementAndGet();
        }
        try {
            return inTransaction(work);
        } finally {
            sqliteWriters.unlock();
        }
    }

    @Override
    public <T> T writeInBackground(Function<Stores, T> work) {
        if (sqliteWriters == null || sqliteWriters.isHeldByCurrentThread()) {
            return write(work);
        }
        sqliteWriters.lock();
        // a foreground writer waits: give the turn back. The lock is fair, so the writers queued
        // before this one go next (background ones give it back too), and this one queues again.
        while (foregroundWaiting.get() > 0) {
            sqliteWriters.unlock();
            Thread.yield();
            sqliteWriters.lock();
        }
        try {
            return inTransaction(work);
        } finally {
            sqliteWriters.unlock();
        }
    }

    /** Writers of this process waiting for SQLite's write turn (for tests). */
    int queuedWriters() {
        return sqliteWriters == null ? 0 : sqliteWriters.getQueueLength();
    }

    private <T> T inTransaction(Function<Stores, T> work) {
        try {
            return jdbi.inTransaction(h -> work.apply(new JdbiStores(h, dialect)));
        } catch (JdbiException e) {
            throw translate(e);
        }
    }

    @Override
    public <T> T read(Function<Stores, T> work) {
        try {
            return jdbi.withHandle(h -> work.apply(new JdbiStores(h, dialect)));
        } catch (JdbiException e) {
            throw translate(e);
        }
    }

    static RuntimeException translate(JdbiException e) {
        if (e instanceof ConnectionException || isUnavailable(e)) {
            return new StoreUnavailableException("the database cannot be reached", e);
        }
        return e;
    }

    private static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P: operator intervention (server shutting down)
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                // SQLite: the database stayed locked (SQLITE_BUSY) past the busy timeout
                if (sql.getErrorCode() == 5 && String.valueOf(sql.getMessage()).contains("SQLITE_BUSY")) {
                    return true;
                }
            }
        }
        return false;
    }
}
