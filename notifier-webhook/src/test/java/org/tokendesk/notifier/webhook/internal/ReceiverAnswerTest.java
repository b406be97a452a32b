package org.tokendesk.notifier.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.notifier.webhook.internal.Fixtures.SECRET;
import static org.tokendesk.notifier.webhook.internal.Fixtures.notice;
import static org.tokendesk.notifier.webhook.internal.Fixtures.notifier;
import static org.tokendesk.notifier.webhook.internal.Fixtures.recipient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokendesk.notifier.spi.DeliveryOutcome;
import org.tokendesk.notifier.webhook.internal.Receiver.Reply;
import org.tokendesk.notifier.webhook.internal.Receiver.Request;

/** How each kind of answer from a real receiver on 127.0.0.1 becomes an outcome. */
class ReceiverAnswerTest {

    private Receiver receiver;
    private final WebhookNotifier notifier = notifier(true);

    @BeforeEach
    void start() throws Exception {
        receiver = Receiver.http();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void too_many_requests_with_retry_after_seconds_gives_that_hint() {
        receiver.answer(new Reply(429, Map.of("Retry-After", "7"), "slow down"));

        DeliveryOutcome outcome = notifier.deliver(notice().build(), recipient(receiver.url("/hook"), SECRET));

        assertEquals(new DeliveryOutcome.RetryLater("HTTP 429: slow down", Optional.of(Duration.ofSeconds(7))), outcome);
    }

    @Test
    void a_server_error_without_retry_after_leaves_the_timing_to_the_host() {
        receiver.answer(Reply.of(500));

        DeliveryOutcome outcome = notifier.deliver(notice().build(), recipient(receiver.url("/hook"), SECRET));

        assertEquals(new DeliveryOutcome.RetryLater("HTTP 500", Optional.empty()), outcome);
    }

    @Test
    void status_410_reports_the_endpoint_gone() {
        receiver.answer(new Reply(410, Map.of(), "endpoint removed"));

        DeliveryOutcome outcome = notifier.deliver(notice().build(), recipient(receiver.url("/hook"), SECRET));

        assertEquals(new DeliveryOutcome.Gone("HTTP 410: endpoint removed"), outcome);
    }

    @Test
    void a_client_error_fails_with_the_start_of_the_receivers_explanation() {
        receiver.answer(new Reply(400, Map.of(), "{\"error\":\n\"unknown type\"}" + " ".repeat(5000) + "tail"));

        DeliveryOutcome outcome = notifier.deliver(notice().build(), recipient(receiver.url("/hook"), SECRET));

        // Only the first few KiB are read, so the tail after the padding never arrives.
        assertEquals(new DeliveryOutcome.Failed("HTTP 400: {\"error\": \"unknown type\"}"), outcome);
    }

    @Test
    void a_redirect_fails_and_its_target_receives_nothing() {
        receiver.answer(new Reply(302, Map.of("Location", receiver.url("/target").toString()), ""));

        DeliveryOutcome outcome = notifier.deliver(notice().build(), recipient(receiver.url("/hook"), SECRET));

        assertInstanceOf(DeliveryOutcome.Failed.class, outcome);
        assertTrue(((DeliveryOutcome.Failed) outcome).reason().contains("redirects are not followed"));
        assertEquals(List.of("/hook"), receiver.requests().stream().map(Request::path).toList());
    }

    @Test
    void a_receiver_that_never_answers_is_retried_later() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> held = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept();
                } catch (IOException e) {
                    return null;
                }
            });
            try {
                DeliveryOutcome outcome = notifier.deliver(notice().build(), recipient(
                        URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/hook"), SECRET));

                assertInstanceOf(DeliveryOutcome.RetryLater.class, outcome);
                assertTrue(((DeliveryOutcome.RetryLater) outcome).reason().contains("no answer"), outcome.toString());
            } finally {
                Socket socket = held.getNow(null);
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void a_dead_port_is_retried_later() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        DeliveryOutcome outcome = notifier.deliver(notice().build(),
                recipient(URI.create("http://127.0.0.1:" + port + "/hook"), SECRET));

        assertInstanceOf(DeliveryOutcome.RetryLater.class, outcome);
        assertTrue(((DeliveryOutcome.RetryLater) outcome).reason().startsWith("cannot connect to 127.0.0.1"), outcome.toString());
    }

    @Test
    void reasons_name_the_host_but_never_the_path_or_query_of_the_url() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        DeliveryOutcome outcome = notifier.deliver(notice().build(), recipient(
                URI.create("http://127.0.0.1:" + port + "/hooks/T0K3N?key=s3cr3t"), SECRET));

        assertFalse(outcome.toString().contains("T0K3N"), outcome.toString());
        assertFalse(outcome.toString().contains("s3cr3t"), outcome.toString());
    }
}
