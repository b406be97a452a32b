package org.tokendesk.web.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.tokendesk.domain.secret.MasterKey;
import org.tokendesk.domain.secret.SecretGenerator;

/**
 * The data directory: created on first start; holds the master key file and the initial admin
 * password, both readable by the owner only (0600).
 */
public final class DataDirectory {

    static final String MASTER_KEY_FILE = "master.key";
    static final String INITIAL_PASSWORD_FILE = "initial-admin-password";

    private final Path dir;

    public DataDirectory(Path dir) {
        this.dir = dir;
    }

    /** Creates the directory and proves it is writable, or fails with one clear message. */
    public void prepare() {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getClass().getSimpleName();
            throw new StartupException("the data directory " + dir.toAbsolutePath() + " is not writable (" + reason
                    + "); set TOKENDESK_DATA_DIR to a writable directory or fix its permissions");
        }
    }

    /** Reads the master key file, creating it (0600) on first start. */
    public MasterKey masterKey(SecretGenerator random) {
        Path file = dir.resolve(MASTER_KEY_FILE);
        try {
            if (!Files.exists(file)) {
                writeSecretFile(file, MasterKey.generate(random).toBase64() + "\n");
            }
            return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (FileAlreadyExistsException e) {
            return masterKey(random);
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupException("cannot use the master key file " + file.toAbsolutePath() + ": "
                    + e.getMessage() + "; restore it from your backup or set TOKENDESK_MASTER_KEY");
        }
    }

    public Path writeInitialPassword(String password) {
        Path file = dir.resolve(INITIAL_PASSWORD_FILE);
        try {
            Files.deleteIfExists(file);
            writeSecretFile(file, password + "\n");
            return file;
        } catch (IOException e) {
            throw new StartupException("cannot write " + file.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    private static void writeSecretFile(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    public Path path() {
        return dir;
    }
}
