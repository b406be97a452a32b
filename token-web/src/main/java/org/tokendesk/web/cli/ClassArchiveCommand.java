package org.tokendesk.web.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tokendesk.domain.secret.Base62;
import org.tokendesk.domain.secret.SecureRandomGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Writes a class data archive that makes later starts faster: the JVM maps the classes tokendesk
 * loads, already parsed and verified, instead of reading them from the jar. It starts tokendesk once
 * more as a child process of the same {@code java}, with the same JVM options, on a throwaway SQLite
 * data directory (never the configured database, never the operator's settings), sends it the
 * requests of a typical start ({@link ClassArchiveTraining}), and stops it; the JVM writes the
 * archive as it exits. JDK 25 and later write an ahead-of-time cache ({@code -XX:AOTCacheOutput}),
 * older ones a dynamic class data archive ({@code -XX:ArchiveClassesAtExit}).
 *
 * <p>An archive fits one jar and one JDK. A JVM that is given one that does not fit (an upgrade of
 * either) says so in a warning and starts without it, as slowly as before: make it again then.
 */
@Command(name = "class-archive", mixinStandardHelpOptions = true,
        description = {"Write a class data archive for faster starts, then start with the option it prints.",
            "Run it with the java and the JVM options you serve with; again after upgrading tokendesk or the JDK."})
public final class ClassArchiveCommand implements Callable<Integer> {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The archive to write (replaced if it exists).")
    Path archive;

    public ClassArchiveCommand() {
        // picocli instantiates it
    }

    @Override
    public Integer call() throws IOException {
        Path jar = runningJar().orElseThrow(() -> new CommandFailedException(
                "class-archive works for tokendesk.jar started with java -jar (this JVM runs from "
                        + System.getProperty("java.class.path") + ")"));
        Path target = archive.toAbsolutePath();
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new CommandFailedException("the folder of " + target + " does not exist");
        }
        int feature = Runtime.version().feature();
        Path work = Files.createTempDirectory("tokendesk-class-archive-");
        try {
            Files.deleteIfExists(target);
            train(jar, target, feature, work);
            if (!Files.isRegularFile(target) || Files.size(target) == 0) {
                throw new CommandFailedException("the JVM wrote no archive to " + target + "; its output:\n"
                        + tail(work.resolve("training.log")));
            }
            spec.commandLine().getOut().printf("wrote %s (%d MiB)%nstart tokendesk with: java %s ... -jar %s%n",
                    target, Files.size(target) >> 20, runOption(target, feature), jar);
            return TokendeskCommand.EXIT_OK;
        } finally {
            deleteTree(work);
        }
    }

    private void train(Path jar, Path target, int feature, Path work) throws IOException {
        int port = freePort();
        String password = Base62.fromRandom(new SecureRandomGenerator().randomBytes(24), 24);
        ProcessBuilder builder = new ProcessBuilder(trainingCommand(javaBinary(), jvmOptions(), jar, target, feature))
                .redirectErrorStream(true).redirectOutput(work.resolve("training.log").toFile());
        Map<String, String> env = builder.environment();
        Map<String, String> training = trainingEnvironment(env, work.resolve("data"), port, password);
        env.clear();
        env.putAll(training);
        Process node = builder.start();
        try {
            ClassArchiveTraining.run("http://127.0.0.1:" + port, ClassArchiveTraining.EMAIL, password, node,
                    Instant.now().plus(TIMEOUT));
        } catch (RuntimeException e) {
            node.destroyForcibly();
            throw new CommandFailedException("the training start failed: " + e.getMessage() + "; its output:\n"
                    + tail(work.resolve("training.log")));
        }
        // a normal exit, on which the JVM writes the archive (an ahead-of-time cache takes a while)
        node.destroy();
        try {
            if (!node.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new CommandFailedException("the training start did not exit within " + TIMEOUT);
            }
        } catch (InterruptedException e) {
            node.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CommandFailedException("interrupted while the archive was written");
        }
    }

    /** The JVM option that uses the archive. */
    static String runOption(Path archive, int feature) {
        return (feature >= 25 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive;
    }

    /**
     * The training start: this JVM's options without those of archives, agents and debuggers (a
     * second JVM must not open the same debug port), the option that writes the archive, the jar.
     */
    static List<String> trainingCommand(String java, List<String> jvmOptions, Path jar, Path archive, int feature) {
        List<String> command = new ArrayList<>();
        command.add(java);
        for (String option : jvmOptions) {
            if (!isArchiveOrAgentOption(option)) {
                command.add(option);
            }
        }
        command.add(feature >= 25 ? "-XX:AOTCacheOutput=" + archive : "-XX:ArchiveClassesAtExit=" + archive);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    private static boolean isArchiveOrAgentOption(String option) {
        return Stream.of("-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit", "-XX:+AutoCreateSharedArchive",
                "-XX:-AutoCreateSharedArchive", "-XX:AOTCache", "-XX:AOTMode", "-XX:AOTConfiguration", "-Xshare",
                "-XX:+RecordDynamicDumpInfo", "-agentlib", "-agentpath", "-javaagent", "-Xrunjdwp", "-Xdebug",
                "-XX:StartFlightRecording", "-XX:Flags").anyMatch(option::startsWith);
    }

    /**
     * The training start's environment: no {@code TOKENDESK_*} setting of the operator's (no
     * database URL, master key, mail server or plugin folder), only a throwaway SQLite data
     * directory, a loopback port and a platform admin for the training's requests.
     */
    static Map<String, String> trainingEnvironment(Map<String, String> inherited, Path dataDir, int port,
            String password) {
        Map<String, String> env = new HashMap<>();
        inherited.forEach((name, value) -> {
            if (!name.startsWith("TOKENDESK_")) {
                env.put(name, value);
            }
        });
        env.put("TOKENDESK_DATA_DIR", dataDir.toString());
        env.put("TOKENDESK_HTTP_HOST", "127.0.0.1");
        env.put("TOKENDESK_HTTP_PORT", Integer.toString(port));
        env.put("TOKENDESK_BOOTSTRAP_ADMIN_EMAIL", ClassArchiveTraining.EMAIL);
        env.put("TOKENDESK_BOOTSTRAP_ADMIN_PASSWORD", password);
        return env;
    }

    /** The jar this JVM was started from with {@code java -jar}, if it was. */
    static Optional<Path> runningJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (System.getProperty("jdk.module.path") != null || classPath.isEmpty()
                || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        try {
            Path codeSource = Path.of(ClassArchiveCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path jar = Path.of(classPath).toAbsolutePath();
            return Files.isRegularFile(jar) && Files.isSameFile(jar, codeSource) ? Optional.of(jar) : Optional.empty();
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> jvmOptions() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is no failure of the command
        }
    }
}
