package org.tokendesk.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokendesk.domain.secret.MasterKey;
import org.tokendesk.domain.secret.SecureRandomGenerator;
import org.tokendesk.web.http.Json;
import org.tokendesk.web.testing.ApiClient;

/**
 * The real jar with {@code --config FILE} and no TOKENDESK_* variable: the file alone configures
 * the node, including the JSON log format (chosen after logging had started), and a wrong file
 * stops it with exit code 3 and one clear message.
 */
class ServeWithConfigFileIT {

    @TempDir
    Path dir;

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process start(Path config, Path out, Path err) throws IOException {
        Path jar = Path.of(System.getProperty("tokendesk.jar", "target/tokendesk.jar"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString(), "--config", config.toString(), "serve")
                .directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("TOKENDESK_"));
        return builder.start();
    }

    @Test
    void the_config_file_alone_runs_a_node_and_its_json_log_format_applies_to_every_line() throws Exception {
        int port = freePort();
        String key = MasterKey.generate(new SecureRandomGenerator()).toBase64();
        Path config = Files.writeString(dir.resolve("tokendesk.conf"), "TOKENDESK_HTTP_PORT=" + port + "\n"
                + "TOKENDESK_DATA_DIR=" + dir.resolve("data") + "\nTOKENDESK_PLUGINS_DIR=" + dir.resolve("plugins") + "\n"
                + "TOKENDESK_MASTER_KEY=" + key + "\nTOKENDESK_BOOTSTRAP_ADMIN_EMAIL=root@example.com\n"
                + "TOKENDESK_BOOTSTRAP_ADMIN_PASSWORD='a very long test password'\nTOKENDESK_LOG_FORMAT=json\n");
        Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path out = dir.resolve("out.log");
        Process node = start(config, out, dir.resolve("err.log"));
        try {
            ApiClient client = ApiClient.at("http://127.0.0.1:" + port);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            int ready = 0;
            while (ready != 200 && Instant.now().isBefore(deadline) && node.isAlive()) {
                try {
                    ready = client.get("/health/ready").status();
                } catch (UncheckedIOException notYet) {
                    node.waitFor(100, TimeUnit.MILLISECONDS);
                }
            }
            assertEquals(200, ready, () -> "not ready: " + read(out) + read(dir.resolve("err.log")));
            assertEquals(200, client.signIn("root@example.com", "a very long test password").get("/api/v1/accounts").status());
        } finally {
            node.destroy();
            node.waitFor(30, TimeUnit.SECONDS);
        }
        List<String> lines = Files.readAllLines(out).stream().filter(l -> !l.isBlank()).toList();
        assertFalse(lines.isEmpty());
        boolean access = false;
        for (String line : lines) {
            JsonNode json = Json.mapper().readTree(line);
            assertTrue(json.has("level") && json.has("formattedMessage"), line);
            access |= "tokendesk.access".equals(json.path("loggerName").asText());
        }
        assertTrue(access, () -> "no access log line in " + lines);
        assertFalse(String.join("\n", lines).contains(key));
    }

    @Test
    void a_wrong_config_file_stops_the_jar_with_exit_3_and_one_message() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.conf"), "TOKENDESK_HTTP_PORT=99999\nTOKENDESK_LOG_FROMAT=json\n");
        Path err = dir.resolve("err.log");
        Process node = start(config, dir.resolve("out.log"), err);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, node.exitValue());
        String message = read(err);
        assertTrue(message.contains("TOKENDESK_HTTP_PORT must be a whole number from 0 to 65535"), message);
        assertTrue(message.contains("did you mean TOKENDESK_LOG_FORMAT?"), message);
        assertFalse(message.contains("\tat "), message);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
