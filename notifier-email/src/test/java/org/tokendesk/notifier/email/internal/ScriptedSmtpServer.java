package org.tokendesk.notifier.email.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny SMTP server on 127.0.0.1 that answers each command with a scripted reply, for the replies
 * GreenMail cannot be told to give (4xx, 5xx, no STARTTLS, echoed credentials). In a reply,
 * {@code %s} stands for the last line the client sent.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final String greeting;
    private final List<String> extensions;
    private final Map<String, String> replies;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Thread thread;

    ScriptedSmtpServer(String greeting, List<String> extensions, Map<String, String> replies) throws IOException {
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.greeting = greeting;
        this.extensions = extensions;
        this.replies = replies;
        this.thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every command line received, in order. */
    List<String> received() {
        return List.copyOf(received);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                converse(client);
            } catch (IOException | UncheckedIOException e) {
                // The client hung up or the server was closed; wait for the next client.
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream();
        send(out, greeting);
        if (!greeting.startsWith("220")) {
            return;
        }
        String line;
        while ((line = in.readLine()) != null) {
            received.add(line);
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> send(out, ehlo());
                case "AUTH" -> {
                    if (line.trim().split(" ").length == 2) {
                        send(out, "334 ");
                        line = in.readLine();
                        received.add(line);
                    }
                    send(out, reply("AUTH", "235 2.7.0 authenticated", line));
                }
                case "DATA" -> {
                    String go = reply("DATA", "354 go ahead", line);
                    send(out, go);
                    if (go.startsWith("354")) {
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            received.add("> " + data);
                        }
                        send(out, reply("END", "250 2.0.0 queued as 42", line));
                    }
                }
                case "QUIT" -> {
                    send(out, "221 bye");
                    return;
                }
                default -> send(out, reply(verb, "250 ok", line));
            }
        }
    }

    private String ehlo() {
        StringBuilder reply = new StringBuilder("250-scripted.test");
        for (String extension : extensions) {
            reply.append("\r\n250-").append(extension);
        }
        return reply.append("\r\n250 8BITMIME").toString();
    }

    private String reply(String verb, String otherwise, String line) {
        return replies.getOrDefault(verb, otherwise).replace("%s", line);
    }

    private static void send(OutputStream out, String reply) {
        try {
            out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
