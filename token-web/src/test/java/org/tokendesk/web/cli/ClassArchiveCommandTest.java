package org.tokendesk.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training start of {@code class-archive}: its JVM options, its environment, and where it refuses to run. */
class ClassArchiveCommandTest {

    private static final Path JAR = Path.of("/opt/tokendesk/tokendesk.jar");
    private static final Path ARCHIVE = Path.of("/var/lib/tokendesk/tokendesk.jsa");

    @Test
    void the_training_keeps_the_serving_options_and_drops_archives_agents_and_debuggers() {
        List<String> command = ClassArchiveCommand.trainingCommand("/usr/bin/java", List.of("-XX:+UseSerialGC",
                "-Xmx192m", "-XX:SharedArchiveFile=/old.jsa", "-Xshare:auto", "-XX:AOTCache=/old.aot",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:/apm.jar",
                "-XX:StartFlightRecording=filename=x.jfr", "-Dfile.encoding=UTF-8"), JAR, ARCHIVE, 17);
        assertEquals(List.of("/usr/bin/java", "-XX:+UseSerialGC", "-Xmx192m", "-Dfile.encoding=UTF-8",
                "-XX:ArchiveClassesAtExit=" + ARCHIVE, "-jar", JAR.toString()), command);
    }

    @Test
    void jdk_25_writes_an_ahead_of_time_cache_and_older_ones_a_dynamic_archive() {
        assertTrue(ClassArchiveCommand.trainingCommand("java", List.of(), JAR, ARCHIVE, 25)
                .contains("-XX:AOTCacheOutput=" + ARCHIVE));
        assertTrue(ClassArchiveCommand.trainingCommand("java", List.of(), JAR, ARCHIVE, 21)
                .contains("-XX:ArchiveClassesAtExit=" + ARCHIVE));
        assertEquals("-XX:AOTCache=" + ARCHIVE, ClassArchiveCommand.runOption(ARCHIVE, 25));
        assertEquals("-XX:SharedArchiveFile=" + ARCHIVE, ClassArchiveCommand.runOption(ARCHIVE, 17));
    }

    @Test
    void the_training_sees_none_of_the_operators_settings() {
        Map<String, String> env = ClassArchiveCommand.trainingEnvironment(Map.of("PATH", "/usr/bin",
                "TOKENDESK_DB_URL", "jdbc:postgresql://db/prod", "TOKENDESK_DB_PASSWORD", "db-secret",
                "TOKENDESK_MASTER_KEY", "master", "TOKENDESK_SMTP_HOST", "mail.example.com",
                "TOKENDESK_PLUGINS_DIR", "/plugins", "TOKENDESK_DATA_DIR", "/var/lib/tokendesk",
                "TOKENDESK_TLS_CERT", "/etc/cert.pem"), Path.of("/tmp/training/data"), 4321, "training-password");
        assertEquals("/usr/bin", env.get("PATH"));
        assertEquals("/tmp/training/data", env.get("TOKENDESK_DATA_DIR"));
        assertEquals("4321", env.get("TOKENDESK_HTTP_PORT"));
        assertEquals("127.0.0.1", env.get("TOKENDESK_HTTP_HOST"));
        assertEquals("training-password", env.get("TOKENDESK_BOOTSTRAP_ADMIN_PASSWORD"));
        for (String name : List.of("TOKENDESK_DB_URL", "TOKENDESK_DB_PASSWORD", "TOKENDESK_MASTER_KEY",
                "TOKENDESK_SMTP_HOST", "TOKENDESK_PLUGINS_DIR", "TOKENDESK_TLS_CERT")) {
            assertFalse(env.containsKey(name), name);
        }
    }

    @Test
    void outside_the_jar_the_command_says_what_it_needs_and_writes_nothing(@TempDir Path dir) {
        // the tests run from class folders, not from tokendesk.jar
        Path archive = dir.resolve("tokendesk.jsa");
        Cli.Result r = Cli.run(Map.of(), "class-archive", archive.toString());
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains("java -jar"), r::toString);
        assertFalse(Files.exists(archive));
    }
}
