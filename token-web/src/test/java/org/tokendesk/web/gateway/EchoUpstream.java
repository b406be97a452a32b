package org.tokendesk.web.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The API that the gateway protects, as small as it gets: answers 200 to every method and path,
 * echoes the identity headers it received ({@code X-Echo-*}) and remembers every request.
 */
final class EchoUpstream implements AutoCloseable {

    /** One request as the upstream saw it; a header is null when it was not sent. */
    record Seen(String method, String path, String accountSid, String tokenScope, String apiVersion) {
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private EchoUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
    }

    static EchoUpstream start() {
        EchoUpstream upstream = new EchoUpstream();
        upstream.server.start();
        return upstream;
    }

    String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request that reached the upstream for the path. */
    List<Seen> seenAt(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            exchange.getRequestBody().readAllBytes();
            Headers in = exchange.getRequestHeaders();
            Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    in.getFirst("X-Account-Sid"), in.getFirst("X-Token-Scope"), in.getFirst("X-Api-Version"));
            seen.add(request);
            Headers out = exchange.getResponseHeaders();
            out.set("X-Echo-Method", request.method());
            out.set("X-Echo-Account-Sid", String.valueOf(request.accountSid()));
            out.set("X-Echo-Token-Scope", String.valueOf(request.tokenScope()));
            out.set("X-Echo-Api-Version", String.valueOf(request.apiVersion()));
            byte[] body = ("upstream answered " + request.method() + " " + request.path() + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            if (request.method().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
