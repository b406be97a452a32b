package org.tokendesk.web.durability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tokendesk.web.testing.ApiClient;

/**
 * {@code java -jar target/tokendesk.jar} as a child process, as an operator runs it: settings from
 * the environment, stdout and stderr in files of the working directory (printed when a test fails).
 */
final class JarProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final String baseUrl;

    private JarProcess(Process process, Path stdout, Path stderr, String baseUrl) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.baseUrl = baseUrl;
    }

    /** The shaded jar that {@code mvn package} built (failsafe passes its path). */
    static Path jar() {
        Path jar = Path.of(System.getProperty("tokendesk.jar", "target/tokendesk.jar"));
        assertTrue(Files.isRegularFile(jar), () -> jar.toAbsolutePath() + " is missing: run mvn verify (it packages first)");
        return jar;
    }

    /**
     * Starts the jar in the working directory with these {@code TOKENDESK_*} variables (and none
     * inherited from the test's environment);
     * {@code name} names the output files, so a restart keeps the earlier run's output.
     */
    static JarProcess start(Path workDir, String name, Map<String, String> env) {
        return start(workDir, name, env, List.of(), List.of());
    }

    /** The same with JVM options before {@code -jar} and a command line after the jar. */
    static JarProcess start(Path workDir, String name, Map<String, String> env, List<String> jvmOptions,
            List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toAbsolutePath().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("TOKENDESK_"));
        builder.environment().putAll(env);
        Path out = workDir.resolve(name + ".stdout");
        Path err = workDir.resolve(name + ".stderr");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        try {
            return new JarProcess(builder.start(), out, err, "http://127.0.0.1:" + env.get("TOKENDESK_HTTP_PORT"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code /health/ready} until 200; fails at once if the process exits. */
    JarProcess awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        ApiClient client = client();
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), () -> "tokendesk exited with " + process.exitValue() + " at start");
            try {
                if (client.get("/health/ready").status() == 200) {
                    return this;
                }
            } catch (UncheckedIOException notListeningYet) {
                // poll again after the pause
            }
            waitForExit(Duration.ofMillis(100));
        }
        return fail("tokendesk was not ready within " + START_TIMEOUT);
    }

    /** Waits for the process to end by itself (a refused start) and returns its exit code. */
    int awaitExit() {
        return awaitExit(START_TIMEOUT);
    }

    /** The same, for a command that runs longer than a start. */
    int awaitExit(Duration timeout) {
        assertTrue(waitForExit(timeout), () -> "tokendesk still runs after " + timeout);
        return process.exitValue();
    }

    /** SIGKILL (what {@code destroyForcibly} sends on Linux): no shutdown hook, no flush, no goodbye. */
    int killNine() {
        process.destroyForcibly();
        assertTrue(waitForExit(Duration.ofSeconds(30)), "tokendesk survived SIGKILL");
        assertFalse(process.isAlive());
        return process.exitValue();
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    ApiClient client() {
        return ApiClient.at(baseUrl);
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    /** Both outputs, for a failure report. */
    String output() {
        return "--- " + stdout + "\n" + stdout() + "--- " + stderr + "\n" + stderr();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")\n";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(30));
        }
    }
}
