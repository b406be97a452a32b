package org.tokendesk.web.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.tokendesk.persistence.Database;
import org.tokendesk.web.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A consistent copy of the SQLite database while tokendesk runs ({@code VACUUM INTO}: one read
 * transaction, so writers go on and the copy is one point in time). PostgreSQL: {@code pg_dump}.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent copy of the SQLite database to FILE while tokendesk runs. "
                + "Restore: stop tokendesk, copy FILE to <data dir>/tokendesk.db, start (docs/backup.md). "
                + "The copy is useless without the master key: keep the key safe, apart from the backups. "
                + "PostgreSQL: use pg_dump.")
public final class BackupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Where to write the copy (readable by its owner only).")
    Path target;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    public BackupCommand() {
        // picocli instantiates it
    }

    @Override
    public Integer call() throws IOException {
        Settings settings = TokendeskCommand.root(spec).settings();
        if (!settings.sqlite()) {
            throw new CommandFailedException("backup copies the embedded SQLite database; this node uses PostgreSQL: "
                    + "back it up with pg_dump --format=custom (see docs/backup.md)");
        }
        if (Files.exists(target) && !force) {
            throw new CommandFailedException(target + " exists; choose another file or pass --force to replace it");
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CommandFailedException("the directory of " + target + " does not exist; create it first");
        }
        Path partial = dir.resolve("." + target.getFileName() + ".partial-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
        try (Database db = CommandSession.openExisting(settings)) {
            copy(db, partial);
            restrict(partial);
            String check = integrityCheck(partial);
            if (!"ok".equals(check)) {
                throw new CommandFailedException("the copy failed SQLite's integrity check (" + check + "); it was not kept");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        spec.commandLine().getOut().println("backup written to " + target + " (" + Files.size(target)
                + " bytes, integrity ok)");
        spec.commandLine().getErr().println("keep the master key (" + keyLocation(settings) + ") safe and apart from "
                + "the backups: without it a backup cannot be used");
        return TokendeskCommand.EXIT_OK;
    }

    private static void copy(Database db, Path file) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, file.toString());
            vacuum.execute();
        } catch (SQLException e) {
            throw new CommandFailedException("the copy failed: " + e.getMessage());
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's permissions protect it
        }
    }

    private static String integrityCheck(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            return rs.next() ? rs.getString(1) : "no answer";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static String keyLocation(Settings settings) {
        return settings.masterKey().isPresent() ? "TOKENDESK_MASTER_KEY"
                : settings.dataDir().resolve("master.key").toString();
    }
}
