package org.tokendesk.web.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tokendesk.web.testing.ApiClient;

/**
 * A real nginx in front of tokendesk, configured by the operators' example {@code docs/deploy/nginx.conf}
 * with its placeholders filled in, in a temporary prefix (pid, logs and temp files stay there). One
 * process in the foreground ({@code daemon off; master_process off;}), so stopping it leaves nothing behind.
 */
final class NginxGateway implements AutoCloseable {

    /** The documented example; the tests run in token-web/, so it is one level up. */
    static final Path EXAMPLE = Path.of("..", "docs", "deploy", "nginx.conf");

    private static final Pattern PLACEHOLDER = Pattern.compile("__[A-Z]+__");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path prefix;
    private final int port;

    private NginxGateway(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    /**
     * Starts nginx with the example in front of tokendesk and the upstream ({@code host:port} each)
     * and returns once it accepts connections.
     */
    static NginxGateway start(String tokendesk, String upstream) {
        Path binary = binary();
        try {
            Path prefix = Files.createTempDirectory("tokendesk-nginx");
            int port = freePort();
            String site = Files.readString(EXAMPLE, StandardCharsets.UTF_8)
                    .replace("__LISTEN__", "127.0.0.1:" + port)
                    .replace("__TOKENDESK__", tokendesk)
                    .replace("__UPSTREAM__", upstream);
            assertFalse(PLACEHOLDER.matcher(site).find(), () -> EXAMPLE + " has a placeholder the test does not fill in");
            Files.writeString(prefix.resolve("tokendesk.conf"), site, StandardCharsets.UTF_8);
            Files.writeString(prefix.resolve("nginx.conf"), mainConfig(prefix), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(binary.toString(), "-p", prefix + "/",
                    "-c", prefix.resolve("nginx.conf").toString(), "-e", prefix.resolve("error.log").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("nginx.out").toFile())
                    .start();
            NginxGateway gateway = new NginxGateway(process, prefix, port);
            try {
                gateway.awaitListening();
            } catch (RuntimeException | Error e) {
                gateway.close();
                throw e;
            }
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operators' example goes inside http { }; around it only what a throwaway prefix needs. */
    private static String mainConfig(Path prefix) {
        return String.join("\n",
                "daemon off;",
                "master_process off;",
                "pid " + prefix.resolve("nginx.pid") + ";",
                "error_log " + prefix.resolve("error.log") + " notice;",
                "events { worker_connections 256; }",
                "http {",
                "    access_log " + prefix.resolve("access.log") + ";",
                "    client_body_temp_path " + prefix.resolve("client_body") + ";",
                "    proxy_temp_path " + prefix.resolve("proxy") + ";",
                "    fastcgi_temp_path " + prefix.resolve("fastcgi") + ";",
                "    uwsgi_temp_path " + prefix.resolve("uwsgi") + ";",
                "    scgi_temp_path " + prefix.resolve("scgi") + ";",
                "    include " + prefix.resolve("tokendesk.conf") + ";",
                "}",
                "");
    }

    /** nginx from Debian's package, or the first on the PATH; a missing one fails the test, never skips it. */
    static Path binary() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/usr/sbin/nginx"));
        String path = System.getenv("PATH");
        if (path != null) {
            Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isBlank())
                    .forEach(dir -> candidates.add(Path.of(dir, "nginx")));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst()
                .orElseGet(() -> fail("nginx is not installed, and the system tests (-Psystem-tests) need it: "
                        + "apt-get install nginx-light (bash .ci/run does)"));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls with a deadline; the pause between tries is a wait for nginx's exit, so a crash ends it at once. */
    private void awaitListening() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("nginx exited with " + process.exitValue() + " at start:\n" + logs());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException notYet) {
                waitForExit(Duration.ofMillis(50));
            }
        }
        fail("nginx did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT + ":\n" + logs());
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A client of the gateway: requests go through nginx and its auth_request check. */
    ApiClient client() {
        return ApiClient.at(baseUrl());
    }

    /** nginx's own output and error log, for failure messages. */
    String logs() {
        StringBuilder out = new StringBuilder("nginx prefix " + prefix + "\n");
        for (String name : List.of("nginx.out", "error.log")) {
            Path file = prefix.resolve(name);
            try {
                out.append("--- ").append(name).append('\n')
                        .append(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(none)\n");
            } catch (IOException e) {
                out.append("(unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        process.destroy();
        if (!waitForExit(Duration.ofSeconds(10))) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(10));
        }
    }
}
