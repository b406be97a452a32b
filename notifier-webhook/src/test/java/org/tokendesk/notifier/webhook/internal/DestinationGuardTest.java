package org.tokendesk.notifier.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.notifier.webhook.internal.Fixtures.SECRET;
import static org.tokendesk.notifier.webhook.internal.Fixtures.notice;
import static org.tokendesk.notifier.webhook.internal.Fixtures.notifier;
import static org.tokendesk.notifier.webhook.internal.Fixtures.recipient;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokendesk.notifier.spi.DeliveryOutcome;

/** The SSRF guard applied to real deliveries: what is resolved is what is checked and connected. */
class DestinationGuardTest {

    private Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = Receiver.http();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static WebhookNotifier guarded(boolean allowPrivate, Resolver resolver) {
        return new WebhookNotifier(WebhookSettings.defaults(allowPrivate, "0.1.0-test"), resolver,
                (SSLSocketFactory) SSLSocketFactory.getDefault(), Clock.systemUTC());
    }

    @Test
    void a_delivery_to_loopback_is_refused_when_private_networks_are_not_allowed() {
        DeliveryOutcome outcome = notifier(false).deliver(notice().build(), recipient(receiver.url("/hook"), SECRET));

        assertEquals(new DeliveryOutcome.Failed("destination 127.0.0.1 is not allowed: private network"
                + " (127.0.0.1 is loopback 127.0.0.0/8)"), outcome);
        assertEquals(List.of(), receiver.requests());
    }

    @Test
    void a_delivery_to_loopback_goes_through_when_private_networks_are_allowed() {
        DeliveryOutcome outcome = notifier(true).deliver(notice().build(), recipient(receiver.url("/hook"), SECRET));

        assertEquals(new DeliveryOutcome.Delivered("HTTP 204"), outcome);
        assertEquals(1, receiver.requests().size());
    }

    @Test
    void a_name_that_resolves_to_loopback_is_refused() {
        DeliveryOutcome outcome = notifier(false).deliver(notice().build(),
                recipient(receiver.url("localhost", "/hook"), SECRET));

        assertInstanceOf(DeliveryOutcome.Failed.class, outcome);
        assertTrue(((DeliveryOutcome.Failed) outcome).reason().startsWith("destination localhost is not allowed: private network"),
                outcome.toString());
        assertEquals(List.of(), receiver.requests());
    }

    @Test
    void an_ipv6_literal_of_loopback_is_refused() {
        DeliveryOutcome outcome = notifier(false).deliver(notice().build(),
                recipient(URI.create("http://[::ffff:127.0.0.1]:" + receiver.port() + "/hook"), SECRET));

        assertInstanceOf(DeliveryOutcome.Failed.class, outcome);
        assertTrue(outcome.toString().contains("private network"), outcome.toString());
    }

    @Test
    void one_private_address_among_public_ones_refuses_the_whole_name() {
        // Public first, so a guard that checked only the first address would let this through.
        Resolver mixed = host -> new InetAddress[] {
            InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}),
            InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7}),
        };

        DeliveryOutcome outcome = guarded(false, mixed).deliver(notice().build(),
                recipient(URI.create("https://hooks.example.com/x"), SECRET));

        assertEquals(new DeliveryOutcome.Failed("destination hooks.example.com is not allowed: private network"
                + " (10.0.0.7 is private 10.0.0.0/8)"), outcome);
    }

    @Test
    void the_name_is_resolved_once_and_the_checked_address_is_the_one_connected_to() {
        AtomicInteger lookups = new AtomicInteger();
        // A rebinding resolver: the first answer is what gets checked; any later answer would be
        // an address nobody checked.
        Resolver rebinding = host -> lookups.getAndIncrement() == 0
                ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})}
                : new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 2})};

        DeliveryOutcome outcome = guarded(true, rebinding).deliver(notice().build(),
                recipient(receiver.url("rebind.example", "/hook"), SECRET));

        assertEquals(new DeliveryOutcome.Delivered("HTTP 204"), outcome);
        assertEquals(1, lookups.get());
        assertEquals("rebind.example:" + receiver.port(), receiver.requests().get(0).header("host"));
    }

    @Test
    void only_http_and_https_urls_are_used() {
        DeliveryOutcome outcome = notifier(true).deliver(notice().build(),
                recipient(URI.create("file:///etc/passwd"), SECRET));

        assertEquals(new DeliveryOutcome.Failed("webhook URL must use http or https"), outcome);
    }

    @Test
    void a_name_that_does_not_resolve_is_retried_later() {
        Resolver nothing = host -> {
            throw new UnknownHostException(host);
        };

        DeliveryOutcome outcome = guarded(false, nothing).deliver(notice().build(),
                recipient(URI.create("https://hooks.example.invalid/x"), SECRET));

        assertEquals(new DeliveryOutcome.RetryLater("cannot resolve hooks.example.invalid", Optional.empty()),
                outcome);
    }
}
