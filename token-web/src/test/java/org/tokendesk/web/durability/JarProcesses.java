package org.tokendesk.web.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.tokendesk.domain.secret.MasterKey;
import org.tokendesk.domain.secret.SecureRandomGenerator;
import org.tokendesk.web.testing.TestNode;

/**
 * The jar processes of one test, in one working directory: every process is killed after the test,
 * pass or fail; on failure their output is printed and the directory kept, on success it is deleted.
 */
final class JarProcesses implements AfterEachCallback, TestWatcher {

    private final List<JarProcess> started = new ArrayList<>();
    private Path workDir;

    Path workDir() {
        if (workDir == null) {
            try {
                workDir = Files.createTempDirectory("tokendesk-jar");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return workDir;
    }

    /**
     * The settings of one node that must find its state again after a restart: a fixed free port,
     * a data dir, a master key and the bootstrap admin of {@link TestNode}.
     */
    Map<String, String> nodeEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("TOKENDESK_HTTP_PORT", Integer.toString(JarProcess.freePort()));
        env.put("TOKENDESK_DATA_DIR", workDir().resolve("data").toString());
        env.put("TOKENDESK_PLUGINS_DIR", workDir().resolve("plugins").toString());
        env.put("TOKENDESK_MASTER_KEY", MasterKey.generate(new SecureRandomGenerator()).toBase64());
        env.put("TOKENDESK_BOOTSTRAP_ADMIN_EMAIL", TestNode.ADMIN_EMAIL);
        env.put("TOKENDESK_BOOTSTRAP_ADMIN_PASSWORD", TestNode.ADMIN_PASSWORD);
        return env;
    }

    JarProcess start(String name, Map<String, String> env) {
        return start(name, env, List.of(), List.of());
    }

    /** With JVM options before {@code -jar} and a command line after the jar. */
    JarProcess start(String name, Map<String, String> env, List<String> jvmOptions, List<String> args) {
        JarProcess process = JarProcess.start(workDir(), name, env, jvmOptions, args);
        started.add(process);
        return process;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RuntimeException first = null;
        for (JarProcess process : started) {
            try {
                process.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        StringBuilder report = new StringBuilder("tokendesk output of " + context.getDisplayName()
                + " (kept in " + workDir + "):\n");
        started.forEach(p -> report.append(p.output()));
        System.out.println(report);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        if (workDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
