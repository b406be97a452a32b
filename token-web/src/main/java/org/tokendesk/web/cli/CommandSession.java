package org.tokendesk.web.cli;

import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.tokendesk.persistence.Database;
import org.tokendesk.web.app.Application;
import org.tokendesk.web.config.Settings;

/**
 * The database and the use cases for one command of the command line, without HTTP server and
 * background jobs. It never migrates: a command of a newer tokendesk must not change the schema
 * behind the back of running nodes (that is what {@code migrate} is for).
 */
final class CommandSession implements AutoCloseable {

    private final Settings settings;
    private final Database database;
    private Injector injector;

    private CommandSession(Settings settings, Database database) {
        this.settings = settings;
        this.database = database;
    }

    /** Opens the database and requires it to be reachable and migrated. */
    static CommandSession open(Settings settings) {
        Database database = openExisting(settings);
        if (!database.isReady()) {
            database.close();
            throw new CommandFailedException("the database " + settings.database() + " cannot be reached or has pending "
                    + "migrations; check TOKENDESK_DB_URL and run: tokendesk migrate", TokendeskCommand.EXIT_SETTINGS);
        }
        return new CommandSession(settings, database);
    }

    /** Opens the database as it is (for backups: reachable is enough, nothing is changed). */
    static Database openExisting(Settings settings) {
        sqliteFile(settings).ifPresent(file -> {
            if (!Files.isRegularFile(file)) {
                throw new CommandFailedException("there is no database at " + file.toAbsolutePath() + "; check "
                        + "TOKENDESK_DATA_DIR / TOKENDESK_DB_URL, or create it with: tokendesk migrate",
                        TokendeskCommand.EXIT_SETTINGS);
            }
        });
        return Database.open(settings.database());
    }

    /** The SQLite database file, when the database is SQLite. */
    static Optional<Path> sqliteFile(Settings settings) {
        if (!settings.sqlite()) {
            return Optional.empty();
        }
        String rest = settings.database().jdbcUrl().substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        if (file.startsWith("file:")) {
            file = file.substring(5);
        }
        return file.isEmpty() || file.equals(":memory:") ? Optional.empty() : Optional.of(Path.of(file));
    }

    <T> T get(Class<T> type) {
        if (injector == null) {
            injector = Application.commandLine(settings, database);
        }
        return injector.getInstance(type);
    }

    Settings settings() {
        return settings;
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
    }
}
