package org.tokendesk.notifier.email.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.notifier.email.internal.Fixtures.PASSWORD;
import static org.tokendesk.notifier.email.internal.Fixtures.notice;
import static org.tokendesk.notifier.email.internal.Fixtures.notifier;
import static org.tokendesk.notifier.email.internal.Fixtures.recipient;
import static org.tokendesk.notifier.email.internal.Fixtures.settings;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokendesk.notifier.spi.DeliveryOutcome;

/** How SMTP replies become outcomes, against a scripted server that gives exactly those replies. */
class SmtpRepliesTest {

    private static DeliveryOutcome deliverTo(ScriptedSmtpServer server, Map<String, String> extra) {
        Map<String, String> settings = settings(server.port());
        settings.putAll(extra);
        return notifier(settings).deliver(notice().build(), recipient(Locale.ENGLISH));
    }

    private static DeliveryOutcome deliverTo(ScriptedSmtpServer server) {
        return deliverTo(server, Map.of());
    }

    @Test
    void an_accepted_message_is_delivered_with_the_servers_reply() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 ready", List.of(), Map.of())) {
            assertEquals(new DeliveryOutcome.Delivered("250 2.0.0 queued as 42"), deliverTo(server));
        }
    }

    @Test
    void a_permanently_rejected_recipient_fails() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 ready", List.of(),
                Map.of("RCPT", "550 5.1.1 no such user"))) {
            DeliveryOutcome outcome = deliverTo(server);

            assertInstanceOf(DeliveryOutcome.Failed.class, outcome);
            assertTrue(outcome.toString().contains("550 5.1.1 no such user"), outcome.toString());
        }
    }

    @Test
    void a_temporarily_refused_recipient_is_retried_later() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 ready", List.of(),
                Map.of("RCPT", "451 4.7.1 greylisted, come back later"))) {
            DeliveryOutcome outcome = deliverTo(server);

            assertInstanceOf(DeliveryOutcome.RetryLater.class, outcome);
            assertTrue(outcome.toString().contains("451 4.7.1"), outcome.toString());
        }
    }

    @Test
    void a_permanently_refused_sender_fails() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 ready", List.of(),
                Map.of("MAIL", "553 5.7.1 sender not allowed"))) {
            assertInstanceOf(DeliveryOutcome.Failed.class, deliverTo(server));
        }
    }

    @Test
    void a_message_rejected_after_its_content_fails() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 ready", List.of(),
                Map.of("END", "554 5.7.1 looks like spam"))) {
            DeliveryOutcome outcome = deliverTo(server);

            assertInstanceOf(DeliveryOutcome.Failed.class, outcome);
            assertTrue(outcome.toString().contains("554 5.7.1 looks like spam"), outcome.toString());
        }
    }

    @Test
    void a_message_deferred_after_its_content_is_retried_later() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 ready", List.of(),
                Map.of("END", "452 4.3.1 insufficient system storage"))) {
            assertInstanceOf(DeliveryOutcome.RetryLater.class, deliverTo(server));
        }
    }

    @Test
    void a_busy_server_greeting_is_retried_later() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("421 4.3.2 too busy", List.of(), Map.of())) {
            DeliveryOutcome outcome = deliverTo(server);

            assertInstanceOf(DeliveryOutcome.RetryLater.class, outcome);
            assertTrue(outcome.toString().contains("421"), outcome.toString());
        }
    }

    @Test
    void required_starttls_refuses_a_server_that_does_not_offer_it_and_sends_nothing() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 ready", List.of(), Map.of())) {
            DeliveryOutcome outcome = deliverTo(server, Map.of("tls", "starttls"));

            assertEquals(new DeliveryOutcome.Failed("the SMTP server 127.0.0.1:" + server.port()
                    + " does not offer STARTTLS, which TOKENDESK_SMTP_TLS=starttls requires"), outcome);
            assertTrue(server.received().stream().noneMatch(l -> l.startsWith("MAIL") || l.startsWith("> ")),
                    server.received().toString());
        }
    }

    @Test
    void the_password_never_shows_even_when_the_server_echoes_the_login() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 ready", List.of("AUTH PLAIN"),
                Map.of("AUTH", "535 5.7.8 credentials rejected: %s"))) {
            DeliveryOutcome outcome = deliverTo(server, Map.of("username", "mailer", "password", PASSWORD));

            String sentLogin = String.join("\n", server.received());
            assertTrue(sentLogin.contains(Base64.getEncoder().encodeToString(
                    ("\0mailer\0" + PASSWORD).getBytes(StandardCharsets.UTF_8))), "the login was sent: " + sentLogin);
            assertInstanceOf(DeliveryOutcome.Failed.class, outcome);
            assertTrue(outcome.toString().contains("535 5.7.8 credentials rejected"), outcome.toString());
            assertNoPassword(outcome.toString());
        }
    }

    @Test
    void a_temporary_login_failure_is_retried_later() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 ready", List.of("AUTH PLAIN"),
                Map.of("AUTH", "454 4.7.0 temporary authentication failure"))) {
            DeliveryOutcome outcome = deliverTo(server, Map.of("username", "mailer", "password", PASSWORD));

            assertInstanceOf(DeliveryOutcome.RetryLater.class, outcome);
            assertNoPassword(outcome.toString());
        }
    }

    @Test
    void delivery_works_when_the_callers_context_class_loader_cannot_see_angus() throws Exception {
        // The host runs plugins in their own module layer, invisible to its threads' context loader;
        // Jakarta Mail looks up its MIME handlers through that loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 ready", List.of(), Map.of());
                URLClassLoader blind = new URLClassLoader(new URL[0], null)) {
            EmailNotifier notifier = notifier(settings(server.port()));
            thread.setContextClassLoader(blind);

            DeliveryOutcome outcome = notifier.deliver(notice().build(), recipient(Locale.ENGLISH));

            assertEquals(new DeliveryOutcome.Delivered("250 2.0.0 queued as 42"), outcome);
            assertEquals(blind, thread.getContextClassLoader());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static void assertNoPassword(String text) {
        assertFalse(text.contains(PASSWORD), text);
        assertFalse(text.contains(Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8))), text);
        assertFalse(text.contains(Base64.getEncoder().encodeToString(("\0mailer\0" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8)).replace("=", "")), text);
    }
}
