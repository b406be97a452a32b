package org.tokendesk.web.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.tokendesk.domain.secret.AesGcmSecretCipher;
import org.tokendesk.domain.secret.MasterKey;
import org.tokendesk.domain.secret.SecretCipher;
import org.tokendesk.domain.secret.SecretGenerator;
import org.tokendesk.domain.secret.SecureRandomGenerator;
import org.tokendesk.domain.token.MasterKeyRotation;
import org.tokendesk.domain.tx.Transactions;
import org.tokendesk.web.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The master key under which re-displayable tokens, webhook secrets and server keys are encrypted. */
@Command(name = "master-key", mixinStandardHelpOptions = true, description = "Rotate the master key.",
        subcommands = MasterKeyCommand.Rotate.class)
public final class MasterKeyCommand implements Callable<Integer> {

    /** The key file of the data directory (DataDirectory creates it on first start). */
    static final String KEY_FILE = "master.key";
    static final String NEXT_KEY_FILE = "master.key.next";

    @Spec
    CommandSpec spec;

    public MasterKeyCommand() {
        // picocli instantiates it
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return TokendeskCommand.EXIT_USAGE;
    }

    /** {@code master-key rotate}. */
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Re-encrypt everything kept under the master key with a new key. Stop every node first. "
                    + "With the key file of the data dir: a new key is made and replaces the file (the old one is "
                    + "kept beside it for backups made before). With TOKENDESK_MASTER_KEY: make the new key yourself "
                    + "(openssl rand -base64 32), pass it with --new-key-stdin, then set it on every node. "
                    + "An interrupted rotation can be run again.")
    public static final class Rotate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--new-key-stdin", description = "Read the new key (base64 of 32 bytes) from standard input.")
        boolean newKeyStdin;

        public Rotate() {
            // picocli instantiates it
        }

        @Override
        public Integer call() throws IOException {
            TokendeskCommand root = TokendeskCommand.root(spec);
            Settings settings = root.settings();
            SecretGenerator random = new SecureRandomGenerator();
            Path keyFile = settings.dataDir().resolve(KEY_FILE);
            Path nextFile = settings.dataDir().resolve(NEXT_KEY_FILE);
            boolean fromEnvironment = settings.masterKey().isPresent();
            if (fromEnvironment && !newKeyStdin) {
                throw new CommandFailedException("TOKENDESK_MASTER_KEY is set, so tokendesk cannot store a new key "
                        + "for you: make one (openssl rand -base64 32), pass it with --new-key-stdin, then set it on "
                        + "every node", TokendeskCommand.EXIT_USAGE);
            }
            MasterKey current = fromEnvironment ? settings.masterKey().get() : readKeyFile(keyFile);
            MasterKey next = newKeyStdin ? readStdinKey(root) : nextKey(nextFile, random);
            if (!fromEnvironment && newKeyStdin) {
                writeSecretFile(nextFile, next);
            }
            if (current.toBase64().equals(next.toBase64())) {
                throw new CommandFailedException("the new key is the current key; make a new one with: openssl rand -base64 32");
            }
            SecretCipher from = new AesGcmSecretCipher(current, random);
            SecretCipher to = new AesGcmSecretCipher(next, random);
            MasterKeyRotation.Result result;
            int serverKeys;
            try (CommandSession session = CommandSession.open(settings)) {
                result = new MasterKeyRotation(session.get(Transactions.class), Clock.systemUTC()).rotate(from, to);
                serverKeys = session.database().reencryptServerKeys(MasterKeyRotation.eitherKey(from, to), to);
            } catch (IllegalStateException e) {
                throw new CommandFailedException("rotation stopped, nothing of it was kept: " + e.getMessage()
                        + "; is the current key the one this database was encrypted with?");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("re-encrypted " + result.tokens() + " token(s), the webhook secrets of " + result.webhookSecrets()
                    + " integration(s) and " + serverKeys + " server key(s) under the new master key"
                    + (result.alreadyRotated() > 0 ? " (" + result.alreadyRotated() + " were under it already)" : ""));
            if (fromEnvironment) {
                out.println("now set TOKENDESK_MASTER_KEY to the new key on every node and start them");
            } else {
                Path retired = settings.dataDir().resolve(KEY_FILE + ".retired-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                                .format(Clock.systemUTC().instant()));
                Files.move(keyFile, retired);
                Files.move(nextFile, keyFile, StandardCopyOption.ATOMIC_MOVE);
                out.println("the new key is in " + keyFile + "; the previous key was moved to " + retired
                        + ": it is needed only to restore backups made before now, so keep it with those backups "
                        + "and delete it here. Copy the new key file to every node, then start them.");
            }
            return TokendeskCommand.EXIT_OK;
        }

        private static MasterKey readKeyFile(Path keyFile) {
            try {
                return MasterKey.fromBase64(Files.readString(keyFile, StandardCharsets.US_ASCII));
            } catch (IOException | IllegalArgumentException e) {
                throw new CommandFailedException("cannot read the master key file " + keyFile + " (" + e.getMessage()
                        + "); check TOKENDESK_DATA_DIR", TokendeskCommand.EXIT_SETTINGS);
            }
        }

        /** A key left by an interrupted rotation is used again, so the data ends under one key. */
        private static MasterKey nextKey(Path nextFile, SecretGenerator random) throws IOException {
            if (Files.exists(nextFile)) {
                return readKeyFile(nextFile);
            }
            MasterKey key = MasterKey.generate(random);
            writeSecretFile(nextFile, key);
            return key;
        }

        private static MasterKey readStdinKey(TokendeskCommand root) throws IOException {
            String line = new BufferedReader(new InputStreamReader(root.stdin(), StandardCharsets.US_ASCII)).readLine();
            if (line == null || line.isBlank()) {
                throw new CommandFailedException("--new-key-stdin: standard input is empty", TokendeskCommand.EXIT_USAGE);
            }
            try {
                return MasterKey.fromBase64(line);
            } catch (IllegalArgumentException e) {
                throw new CommandFailedException("--new-key-stdin: " + e.getMessage()
                        + "; make a key with: openssl rand -base64 32", TokendeskCommand.EXIT_USAGE);
            }
        }

        private static void writeSecretFile(Path file, MasterKey key) throws IOException {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                throw new CommandFailedException(file + " appeared while tokendesk wrote it; is another rotation running?");
            }
            Files.writeString(file, key.toBase64() + "\n", StandardCharsets.US_ASCII);
        }
    }
}
