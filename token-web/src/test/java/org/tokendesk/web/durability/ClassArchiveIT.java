package org.tokendesk.web.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.TestNode;

/**
 * {@code java -jar tokendesk.jar class-archive FILE} writes an archive that a later start maps its
 * classes from, and its training start touches none of the operator's settings.
 */
class ClassArchiveIT {

    @RegisterExtension
    final JarProcesses jars = new JarProcesses();

    @Test
    void the_archive_is_written_without_the_configured_database_and_a_start_maps_tokendesk_from_it() throws IOException {
        Path archive = jars.workDir().resolve("tokendesk.jsa");
        Path operatorData = jars.workDir().resolve("operator-data");
        // the operator's settings: a database that does not answer, a data dir that must stay untouched
        Map<String, String> operator = Map.of("TOKENDESK_DB_URL", "jdbc:postgresql://127.0.0.1:1/nowhere",
                "TOKENDESK_DATA_DIR", operatorData.toString(), "TOKENDESK_HTTP_PORT", "1");
        // as the systemd unit makes it (ExecStartPre) and starts with it (ExecStart)
        List<String> unit = Files.readAllLines(UNIT);
        JarProcess command = jars.start("class-archive", operator, jvmOptions(unit, "ExecStartPre=", archive),
                List.of("class-archive", archive.toString()));
        assertEquals(0, command.awaitExit(Duration.ofMinutes(5)), command::output);
        assertTrue(Files.size(archive) > 1 << 20, "an archive of some size");
        String option = (Runtime.version().feature() >= 25 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive;
        assertTrue(command.stdout().contains(option), command::output);
        assertFalse(Files.exists(operatorData), "the training used a throwaway data dir of its own");

        // -Xshare:on: the JVM refuses to start rather than run without an archive it cannot use
        Path classLog = jars.workDir().resolve("classes.log");
        List<String> options = Stream.concat(jvmOptions(unit, "ExecStart=", archive).stream(),
                Stream.of("-Xshare:on", "-Xlog:class+load:file=" + classLog)).toList();
        assertTrue(options.contains("-XX:SharedArchiveFile=" + archive), options::toString);
        JarProcess node = jars.start("with-archive", jars.nodeEnvironment(), options, List.of()).awaitReady();
        ApiClient admin = node.client().signIn(TestNode.ADMIN_EMAIL, TestNode.ADMIN_PASSWORD);
        assertEquals(201, admin.post("/api/v1/accounts", Map.of("name", "Archived")).status());
        String log = Files.readString(classLog);
        for (String type : List.of("org.tokendesk.web.app.Application", "org.tokendesk.web.check.CheckFront",
                "org.tokendesk.persistence.Database", "org.eclipse.jetty.server.Server")) {
            assertTrue(log.lines().anyMatch(l -> l.contains("] " + type + " source: shared objects file")),
                    () -> type + " was not mapped from the archive");
        }
    }

    private static final Path UNIT = Path.of("..", "docs", "deploy", "tokendesk.service");

    /** The JVM options of the unit's line that starts with {@code key}, with this test's archive. */
    private static List<String> jvmOptions(List<String> unit, String key, Path archive) {
        String line = unit.stream().filter(l -> l.startsWith(key)).findFirst().orElseThrow();
        List<String> words = List.of(line.substring(key.length()).replace("'", " ").split("\\s+"));
        int java = words.indexOf("/usr/bin/java");
        int jar = words.indexOf("-jar");
        assertTrue(java >= 0 && jar > java, line);
        return words.subList(java + 1, jar).stream()
                .map(o -> o.startsWith("-XX:SharedArchiveFile=") ? "-XX:SharedArchiveFile=" + archive : o).toList();
    }
}
