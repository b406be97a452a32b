package org.tokendesk.web.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The jar refuses to start with wrong settings: a non-zero exit and one message on stderr that says
 * what to fix, never a stack trace.
 */
class JarStartupRefusalIT {

    /** TokendeskCommand's exit code for wrong settings or a start that cannot succeed. */
    private static final int EXIT_SETTINGS = 3;

    @RegisterExtension
    final JarProcesses jars = new JarProcesses();

    private static void assertOneClearMessage(JarProcess refused, String... mustSay) {
        String stderr = refused.stderr();
        assertFalse(stderr.isBlank(), "nothing on stderr");
        for (String words : mustSay) {
            assertTrue(stderr.contains(words), () -> "stderr does not say '" + words + "':\n" + stderr);
        }
        for (String trace : new String[] {"\tat ", "Caused by", "Exception in thread", "Exception: "}) {
            assertFalse(stderr.contains(trace), () -> "a stack trace or a thrown exception on stderr:\n" + stderr);
        }
        // one message: its first line, and at most the "  - " items of its list of problems
        List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.stream().skip(1).allMatch(l -> l.startsWith("  - ")), () -> "more than one message:\n" + stderr);
        assertFalse(refused.stdout().contains("\tat "), () -> "a stack trace on stdout:\n" + refused.stdout());
    }

    @Test
    void the_jar_refuses_to_start_with_one_clear_message_when_the_data_dir_is_not_writable() throws IOException {
        Map<String, String> env = jars.nodeEnvironment();
        Path regularFile = Files.writeString(jars.workDir().resolve("not-a-directory"), "a file\n");
        env.put("TOKENDESK_DATA_DIR", regularFile.resolve("data").toString());

        JarProcess refused = jars.start("refused", env);
        assertEquals(EXIT_SETTINGS, refused.awaitExit());
        assertOneClearMessage(refused, "TOKENDESK_DATA_DIR", regularFile.resolve("data").toString());
    }

    @Test
    void the_jar_refuses_to_start_with_one_clear_message_when_the_http_port_is_not_a_number() {
        Map<String, String> env = jars.nodeEnvironment();
        env.put("TOKENDESK_HTTP_PORT", "abc");

        JarProcess refused = jars.start("refused", env);
        assertEquals(EXIT_SETTINGS, refused.awaitExit());
        assertOneClearMessage(refused, "TOKENDESK_HTTP_PORT", "'abc'");
    }
}
