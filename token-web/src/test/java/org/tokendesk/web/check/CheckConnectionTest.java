package org.tokendesk.web.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.common.StoreUnavailableException;
import org.tokendesk.domain.token.ActiveCredential;
import org.tokendesk.domain.token.CheckResult;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.web.http.ClientAddress;
import org.tokendesk.web.ops.Metrics;
import org.tokendesk.web.ops.RequestTracing;

/**
 * {@link CheckConnection} on a real Jetty server, spoken to over raw sockets: plain checks are
 * answered from the connection's bytes, exactly as Jetty answers them; everything else is Jetty's,
 * byte for byte as a connector without the check connection answers it.
 */
class CheckConnectionTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String GOOD = "tdrw_good";
    private static final String WRONG = "tdrw_wrong";
    private static final String LIMITED = "tdrw_limited";
    /** Memory does not know it: the whole check runs, on the pool. */
    private static final String NEEDS_DATABASE = "tdrw_needs_database";
    private static final String DATABASE_DOWN = "tdrw_database_down";

    private final AtomicInteger reachedJetty = new AtomicInteger();
    private final AtomicInteger askedMemory = new AtomicInteger();
    private volatile CountDownLatch fullCheckMayAnswer = new CountDownLatch(0);
    private Metrics metrics;
    private Server server;
    /** Its connections start as check connections. */
    private int port;
    /** Jetty's HTTP/1.1 alone, with the same handlers: what a handed-over request must get. */
    private int jettyPort;

    @BeforeEach
    void start() throws Exception {
        metrics = new Metrics(Clock.systemUTC(), "test");
        ClientAddress clientAddress = new ClientAddress(List.of());
        CheckResponder responder = new CheckResponder((sid, token, method, client) -> {
            await(fullCheckMayAnswer);
            if (DATABASE_DOWN.equals(token)) {
                throw new StoreUnavailableException("down", new IllegalStateException());
            }
            return result(token);
        }, (sid, token, method, client) -> {
            askedMemory.incrementAndGet();
            return NEEDS_DATABASE.equals(token) || DATABASE_DOWN.equals(token) ? Optional.empty()
                    : Optional.of(result(token));
        }, clientAddress, new RequestTracing(clientAddress, metrics));
        CheckFront front = new CheckFront(responder);
        front.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.write(true, StandardCharsets.UTF_8.encode("behind " + request.getHttpURI().getPath()), callback);
                return true;
            }
        });
        Handler.Wrapper counting = new Handler.Wrapper(front) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                reachedJetty.incrementAndGet();
                return super.handle(request, response, callback);
            }
        };
        server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setRequestHeaderSize(2048);
        HttpConnectionFactory http = new HttpConnectionFactory(config);
        // one selector thread: anything that blocked it would hold up every other connection
        ServerConnector checks = new ServerConnector(server, 1, 1, new CheckConnection.Factory(http, responder), http);
        checks.setHost("127.0.0.1");
        // small socket buffers: an answer that cannot be written at once is an everyday event here
        checks.setAcceptedSendBufferSize(4096);
        ServerConnector jetty = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        jetty.setHost("127.0.0.1");
        server.addConnector(checks);
        server.addConnector(jetty);
        server.setHandler(counting);
        server.start();
        port = checks.getLocalPort();
        jettyPort = jetty.getLocalPort();
    }

    private static CheckResult result(String token) {
        return switch (token) {
            case GOOD, NEEDS_DATABASE -> new CheckResult.Valid(new ActiveCredential(AccountSid.parse(SID).orElseThrow(),
                    TokenScope.READ_WRITE, "2010-04-01"));
            case LIMITED -> new CheckResult.Limited(Duration.ofSeconds(7));
            default -> new CheckResult.Invalid();
        };
    }

    @AfterEach
    void stop() throws Exception {
        fullCheckMayAnswer.countDown();
        server.stop();
        metrics.close();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String check(String token, String... extraLines) {
        String basic = Base64.getEncoder().encodeToString((SID + ":" + token).getBytes(StandardCharsets.UTF_8));
        return "GET /v1/auth/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + basic + "\r\n"
                + String.join("", extraLines) + "\r\n";
    }

    @Test
    void pipelined_checks_are_answered_in_order_by_the_connection_itself() throws Exception {
        try (Client client = new Client(port)) {
            client.send(check(GOOD) + check(WRONG) + check(GOOD, "X-Request-Id: mine-1\r\n"));
            Answer first = client.read();
            Answer second = client.read();
            Answer third = client.read();
            assertEquals(204, first.status());
            assertEquals(SID, first.headers().get("X-Account-Sid"));
            assertEquals(401, second.status());
            assertTrue(second.body().contains("unauthorized"), second.body());
            assertEquals(204, third.status());
            assertEquals("mine-1", third.headers().get("X-Request-Id"));
        }
        assertEquals(0, reachedJetty.get(), "no check went through Jetty's HTTP connection");
        assertEquals(3, askedMemory.get());
        String scrape = metrics.scrape();
        assertTrue(scrape.matches("(?s).*tokendesk_checks_seconds_count\\{endpoint=\"auth_check\",outcome=\"valid\"[^}]*} 2(\\.0)?\n.*"),
                "each check counted once");
        assertTrue(scrape.matches("(?s).*tokendesk_checks_seconds_count\\{endpoint=\"auth_check\",outcome=\"invalid\"[^}]*} 1(\\.0)?\n.*"),
                "each check counted once");
    }

    @Test
    void each_answer_is_the_one_jetty_gives_the_same_check_but_the_date_and_the_request_id() throws Exception {
        for (String token : new String[] {GOOD, WRONG, LIMITED, NEEDS_DATABASE, DATABASE_DOWN}) {
            Answer fast = exchange(port, check(token));
            Answer jetty = exchange(jettyPort, check(token));
            assertEquals(jetty.withoutDateAndId(), fast.withoutDateAndId(), token);
            assertTrue(fast.headers().containsKey("Date") && fast.headers().containsKey("X-Request-Id"), token);
        }
        assertEquals(5, reachedJetty.get(), "only the five checks sent to Jetty's own connector");
    }

    @Test
    void the_first_request_that_is_not_a_plain_check_hands_the_connection_to_jetty_with_every_byte() throws Exception {
        try (Client client = new Client(port)) {
            client.send(check(GOOD) + "GET /other HTTP/1.1\r\nHost: h\r\n\r\n" + check(GOOD) + check(WRONG));
            assertEquals(204, client.read().status());
            Answer other = client.read();
            assertEquals(200, other.status());
            assertEquals("behind /other", other.body());
            assertEquals(204, client.read().status());
            assertEquals(401, client.read().status());
        }
        assertEquals(3, reachedJetty.get(), "the other request and the two checks after it");
    }

    @Test
    void requests_the_connection_does_not_read_get_exactly_what_jetty_answers_them() throws Exception {
        String[] requests = {
            // request smuggling: a body announced two ways
            "GET /v1/auth/check HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "GET /v1/auth/check HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "GET /v1/auth/check HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n",
            "GET /v1/auth/check HTTP/1.1\r\nHost : h\r\n\r\n",
            "GET /v1/auth/check HTTP/1.1\r\nHost: h\r\nX-A: a\r\n folded\r\n\r\n",
            "GET /v1/auth/check HTTP/1.1\r\nAuthorization: Basic QUMxOnRvaw==\r\n\r\n",
            "GET /v1/auth/check HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
            "GET /v1/auth/check HTTP/1.1\r\nHost: h\r\nX-Big: " + "a".repeat(3000) + "\r\n\r\n",
            "GET /v1/auth/check HTTP/1.1\nHost: h\n\n",
            "GET /v1/auth/check HTTP/1.0\r\n\r\n",
            "GET /v1/auth/check?x=1 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
            "BREW /pot HTTP/1.1\r\nHost: h\r\n\r\n",
        };
        for (String request : requests) {
            Answer fast = exchange(port, request);
            Answer jetty = exchange(jettyPort, request);
            assertEquals(jetty.withoutDateAndId(), fast.withoutDateAndId(), request);
        }
    }

    @Test
    void a_check_for_the_database_goes_to_the_pool_and_never_holds_up_the_selector() throws Exception {
        fullCheckMayAnswer = new CountDownLatch(1);
        try (Client waiting = new Client(port); Client other = new Client(port)) {
            waiting.send(check(NEEDS_DATABASE) + check(WRONG));
            CompletableFuture<List<Answer>> answers = CompletableFuture.supplyAsync(() -> {
                try {
                    return List.of(waiting.read(), waiting.read());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            // the one selector thread still reads and answers another connection
            other.send(check(GOOD));
            assertEquals(204, other.read().status());
            assertFalse(answers.isDone());
            fullCheckMayAnswer.countDown();
            List<Answer> done = answers.get(10, TimeUnit.SECONDS);
            assertEquals(204, done.get(0).status());
            assertEquals(401, done.get(1).status(), "the request behind it, read after the pool answered");
        }
        assertEquals(0, reachedJetty.get());
    }

    @Test
    void a_head_that_arrives_in_pieces_is_answered_once_complete() throws Exception {
        String request = check(GOOD);
        try (Client client = new Client(port); Client other = new Client(port)) {
            int sent = 0;
            for (; request.length() - sent > 17; sent += 17) {
                client.send(request.substring(sent, sent + 17));
                // a whole exchange on another connection of the one selector: this piece was read meanwhile
                other.send(check(GOOD));
                assertEquals(204, other.read().status());
            }
            client.send(request.substring(sent));
            assertEquals(204, client.read().status());
        }
        assertEquals(0, reachedJetty.get());
    }

    @Test
    void a_client_that_does_not_read_stops_the_connection_reading_until_it_does() throws Exception {
        int count = 20_000; // about 8 MB of answers, through socket buffers of a few KB
        try (Client client = new Client(port, 4096)) {
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    String one = check(GOOD);
                    for (int i = 0; i < count; i += 100) {
                        client.send(one.repeat(100));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            int answered = 0;
            while (answered < count) {
                assertEquals(204, client.read().status());
                answered++;
            }
            writing.get(10, TimeUnit.SECONDS);
        }
        assertEquals(count, askedMemory.get());
        assertEquals(0, reachedJetty.get());
    }

    @Test
    void a_client_that_leaves_half_way_through_a_head_is_let_go() throws Exception {
        try (Client client = new Client(port)) {
            client.send(check(GOOD).substring(0, 30));
            client.socket.shutdownOutput();
            assertEquals(-1, client.in.read(), "the server closed its side");
        }
        assertEquals(0, askedMemory.get());
    }

    private static Answer exchange(int port, String request) throws IOException {
        try (Client client = new Client(port)) {
            client.send(request);
            return client.read();
        }
    }

    /**
     * @param status the status code
     * @param headers the headers, in order (a repeated one keeps its first value)
     * @param lines the header lines, in order
     * @param body the body
     */
    private record Answer(int status, Map<String, String> headers, List<String> lines, String body) {
        Answer withoutDateAndId() {
            List<String> kept = new ArrayList<>();
            for (String line : lines) {
                kept.add(line.startsWith("Date:") || line.startsWith("X-Request-Id:") ? line.substring(0, line.indexOf(':')) : line);
            }
            return new Answer(status, Map.of(), kept, body);
        }
    }

    /** A raw HTTP/1.1 connection. */
    private static final class Client implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Client(int port) throws IOException {
            this(port, 0);
        }

        /** @param receiveBuffer the socket's receive buffer size, or 0 for the default */
        Client(int port, int receiveBuffer) throws IOException {
            socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        Answer read() throws IOException {
            String statusLine = line();
            assertNotNull(statusLine, "an answer");
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            List<String> lines = new ArrayList<>();
            lines.add(statusLine);
            String line;
            while (!(line = line()).isEmpty()) {
                lines.add(line);
                headers.putIfAbsent(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
            byte[] body = in.readNBytes(length);
            return new Answer(status, headers, lines, new String(body, StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    return null;
                }
                line.write(b);
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
