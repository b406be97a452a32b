package org.tokendesk.notifier.email.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.notifier.email.internal.Fixtures.TOKEN_LOOKALIKE;
import static org.tokendesk.notifier.email.internal.Fixtures.cancelledReset;
import static org.tokendesk.notifier.email.internal.Fixtures.freePort;
import static org.tokendesk.notifier.email.internal.Fixtures.notifier;
import static org.tokendesk.notifier.email.internal.Fixtures.recipient;
import static org.tokendesk.notifier.email.internal.Fixtures.scheduledReset;
import static org.tokendesk.notifier.email.internal.Fixtures.settings;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokendesk.notifier.spi.DeliveryOutcome;
import org.tokendesk.notifier.spi.Notice;

/** Mails about a scheduled reset and its cancellation, sent to GreenMail, a real SMTP server. */
class ScheduledResetMailTest {

    private GreenMail greenMail;
    private EmailNotifier notifier;

    @BeforeEach
    void start() throws Exception {
        int port = freePort();
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        notifier = notifier(settings(port));
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    /** Delivers one notice and returns what arrived. */
    private MimeMessage send(Notice notice, Locale locale) {
        DeliveryOutcome outcome = notifier.deliver(notice, recipient(locale));

        assertInstanceOf(DeliveryOutcome.Delivered.class, outcome);
        assertTrue(greenMail.waitForIncomingEmail(5_000, 1), "no mail arrived");
        MimeMessage[] messages = greenMail.getReceivedMessages();
        assertEquals(1, messages.length);
        return messages[0];
    }

    /** The text and the HTML part, with line ends as the sender wrote them. */
    private static List<String> bodies(MimeMessage message) throws Exception {
        MimeMultipart alternative = (MimeMultipart) message.getContent();
        return List.of(((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n"),
                ((String) alternative.getBodyPart(1).getContent()).replace("\r\n", "\n"));
    }

    private static void assertNoSecret(MimeMessage message) throws Exception {
        String raw = GreenMailUtil.getWholeMessage(message);
        for (String text : List.of(raw, bodies(message).get(0), bodies(message).get(1))) {
            assertFalse(text.contains(TOKEN_LOOKALIKE), text);
            assertFalse(text.contains("whsec_"), text);
            assertFalse(text.contains("/ack/"), text);
            assertFalse(text.matches("(?s).*(?<![0-9a-fA-FC])[0-9a-f]{32}(?![0-9a-f]).*"), "token-shaped text in " + text);
        }
    }

    @Test
    void an_english_scheduled_reset_mail_says_when_the_token_will_stop_and_where_the_new_one_will_be() throws Exception {
        MimeMessage message = send(scheduledReset().build(), Locale.ENGLISH);

        assertEquals("[tokendesk] Auth Token reset scheduled for AC0123456789abcdef0123456789abcdef (read/write)",
                message.getSubject());
        assertEquals("<msg_3Rg9aQs4lU8xX2yZ0bCdE@tokendesk>", message.getMessageID());
        for (String body : bodies(message)) {
            assertTrue(body.contains("ops@example.org scheduled a reset of the Auth Token of account"
                    + " AC0123456789abcdef0123456789abcdef (read/write) for 5 March 2026, 22:00 UTC."), body);
            assertTrue(body.contains("From then on, the current token (ending in …a1b2) will no longer pass"
                    + " authorization checks."), body);
            assertTrue(body.contains("Billing sync"), body);
            assertTrue(body.contains("uses this token and will need the new one."), body);
            assertTrue(body.contains("After the reset, an administrator of the account will find it under"), body);
            assertTrue(body.contains("https://tokendesk.example.org/accounts/AC01/credentials"), body);
            assertTrue(body.contains("If you did not expect this planned reset, contact the administrators"), body);
            assertFalse(body.contains("was reset on"), body);
            assertFalse(body.contains("compromised"), body);
            assertFalse(body.contains("confirm"), body);
        }
        assertNoSecret(message);
    }

    @Test
    void a_german_scheduled_reset_mail_is_worded_in_german() throws Exception {
        MimeMessage message = send(scheduledReset().scope("read_only").build(), Locale.forLanguageTag("de-CH"));

        assertEquals("[tokendesk] Zurücksetzen des Auth-Tokens für AC0123456789abcdef0123456789abcdef geplant (Nur-Lese)",
                message.getSubject());
        assertEquals("de", message.getHeader("Content-Language")[0]);
        for (String body : bodies(message)) {
            assertTrue(body.contains("ops@example.org hat das Zurücksetzen des Auth-Tokens des Kontos"
                    + " AC0123456789abcdef0123456789abcdef (Nur-Lese) für den 5. März 2026, 22:00 UTC geplant."), body);
            assertTrue(body.contains("Ab dann wird das aktuelle Token (endet auf …a1b2) keine Autorisierungsprüfung"
                    + " mehr bestehen."), body);
            assertTrue(body.contains("Billing sync"), body);
            assertTrue(body.contains("verwendet dieses Token und wird das neue brauchen."), body);
            assertTrue(body.contains("Nach dem Zurücksetzen findet es eine Administratorin oder ein Administrator"
                    + " des Kontos unter"), body);
            assertTrue(body.contains("https://tokendesk.example.org/accounts/AC01/credentials"), body);
            assertTrue(body.contains("Falls Sie dieses geplante Zurücksetzen nicht erwartet haben"), body);
            assertFalse(body.contains("kompromittiert"), body);
        }
        assertNoSecret(message);
    }

    @Test
    void a_scheduled_reset_with_a_grace_period_says_until_when_the_token_will_keep_working() throws Exception {
        Notice notice = scheduledReset().oldTokenValidUntil(Instant.parse("2026-03-06T22:00:00Z")).build();

        MimeMessage message = send(notice, Locale.ENGLISH);

        for (String body : bodies(message)) {
            assertTrue(body.contains("After the reset, the current token (ending in …a1b2) will keep working until"
                    + " 6 March 2026, 22:00 UTC; update your integration before then."), body);
            assertFalse(body.contains("From then on"), body);
        }
        assertNoSecret(message);
    }

    @Test
    void a_german_scheduled_reset_with_a_grace_period_says_it_in_german() throws Exception {
        Notice notice = scheduledReset().oldTokenValidUntil(Instant.parse("2026-03-06T22:00:00Z")).build();

        MimeMessage message = send(notice, Locale.GERMAN);

        for (String body : bodies(message)) {
            assertTrue(body.contains("Nach dem Zurücksetzen wird das aktuelle Token (endet auf …a1b2) noch bis zum"
                    + " 6. März 2026, 22:00 UTC funktionieren; stellen Sie Ihre Integration bis dahin um."), body);
            assertFalse(body.contains("Ab dann"), body);
        }
    }

    @Test
    void an_english_cancellation_says_the_token_keeps_working_and_offers_no_new_token() throws Exception {
        MimeMessage message = send(cancelledReset().build(), Locale.ENGLISH);

        assertEquals("[tokendesk] Scheduled Auth Token reset cancelled for AC0123456789abcdef0123456789abcdef"
                + " (read/write)", message.getSubject());
        for (String body : bodies(message)) {
            assertTrue(body.contains("lead@example.org cancelled the reset of the Auth Token of account"
                    + " AC0123456789abcdef0123456789abcdef (read/write) that was scheduled for 5 March 2026,"
                    + " 22:00 UTC."), body);
            assertTrue(body.contains("The current token (ending in …a1b2) keeps working"), body);
            assertTrue(body.contains("you do not need to change anything."), body);
            assertFalse(body.contains("credentials"), body);
            assertFalse(body.contains("new one"), body);
            assertFalse(body.contains("confirm"), body);
        }
        assertNoSecret(message);
    }

    @Test
    void a_german_cancellation_is_worded_in_german() throws Exception {
        MimeMessage message = send(cancelledReset().build(), Locale.GERMAN);

        assertEquals("[tokendesk] Geplantes Zurücksetzen des Auth-Tokens für AC0123456789abcdef0123456789abcdef"
                + " abgesagt (Lese/Schreib)", message.getSubject());
        for (String body : bodies(message)) {
            assertTrue(body.contains("lead@example.org hat das für den 5. März 2026, 22:00 UTC geplante Zurücksetzen"
                    + " des Auth-Tokens des Kontos AC0123456789abcdef0123456789abcdef (Lese/Schreib) abgesagt."), body);
            assertTrue(body.contains("Das aktuelle Token (endet auf …a1b2) funktioniert weiter"), body);
            assertTrue(body.contains("Sie müssen nichts ändern."), body);
            assertFalse(body.contains("credentials"), body);
            assertFalse(body.contains("bestätigen"), body);
        }
        assertNoSecret(message);
    }
}
