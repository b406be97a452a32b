package org.tokendesk.web.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * On SQLite tokendesk runs as exactly one node: {@code serve} holds an exclusive lock on
 * {@code <database file>.node-lock} while it runs, and a second {@code serve} on the same file is
 * refused. The check cache relies on it: a reset on the only node need not wait for other nodes'
 * cache entries to expire (docs/check-cache.md). The operating system drops the lock when the
 * process ends, however it ends. Commands of the command line do not take it.
 */
final class SqliteNodeLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private SqliteNodeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param jdbcUrl the SQLite URL; an in-memory database needs no lock
     * @throws StartupException when another node serves the same database file
     */
    static Optional<SqliteNodeLock> take(String jdbcUrl) {
        Optional<Path> file = databaseFile(jdbcUrl);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path lockFile = file.get().resolveSibling(file.get().getFileName() + ".node-lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw refused(file.get());
            }
            return Optional.of(new SqliteNodeLock(channel, lock));
        } catch (OverlappingFileLockException inThisProcess) {
            close(channel);
            throw refused(file.get());
        } catch (IOException e) {
            close(channel);
            throw new StartupException("cannot lock " + lockFile + ": " + e.getMessage());
        } catch (StartupException e) {
            close(channel);
            throw e;
        }
    }

    static Optional<Path> databaseFile(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        if (rest.contains("mode=memory")) {
            return Optional.empty();
        }
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.isEmpty() || rest.equals(":memory:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(rest).toAbsolutePath().normalize());
    }

    private static StartupException refused(Path database) {
        return new StartupException("another tokendesk node is serving " + database + "; on SQLite only one node may "
                + "run (use PostgreSQL for several nodes)");
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was locked
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        close(channel);
    }
}
