package org.tokendesk.notifier.email.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.notifier.email.internal.Fixtures.TOKEN_LOOKALIKE;
import static org.tokendesk.notifier.email.internal.Fixtures.freePort;
import static org.tokendesk.notifier.email.internal.Fixtures.notice;
import static org.tokendesk.notifier.email.internal.Fixtures.notifier;
import static org.tokendesk.notifier.email.internal.Fixtures.recipient;
import static org.tokendesk.notifier.email.internal.Fixtures.settings;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tokendesk.notifier.spi.DeliveryOutcome;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.Recipient;

/** Deliveries to GreenMail, a real SMTP server, on 127.0.0.1. */
class EmailDeliveryTest {

    private int port;
    private GreenMail greenMail;
    private EmailNotifier notifier;

    @BeforeEach
    void start() throws Exception {
        port = freePort();
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        notifier = notifier(settings(port));
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private MimeMessage onlyMessage() {
        assertTrue(greenMail.waitForIncomingEmail(5_000, 1), "no mail arrived");
        MimeMessage[] messages = greenMail.getReceivedMessages();
        assertEquals(1, messages.length);
        return messages[0];
    }

    private static String part(MimeMessage message, int index) throws Exception {
        MimeMultipart alternative = (MimeMultipart) message.getContent();
        return (String) alternative.getBodyPart(index).getContent();
    }

    @Test
    void an_english_mail_says_what_happened_when_by_whom_and_where_to_find_the_new_token() throws Exception {
        DeliveryOutcome outcome = notifier.deliver(notice().build(), recipient(Locale.ENGLISH));

        assertInstanceOf(DeliveryOutcome.Delivered.class, outcome);
        assertTrue(((DeliveryOutcome.Delivered) outcome).detail().startsWith("250"), outcome.toString());
        MimeMessage message = onlyMessage();
        assertEquals("[tokendesk] Auth Token reset for AC0123456789abcdef0123456789abcdef (read/write)",
                message.getSubject());
        assertEquals("dana@example.org", ((InternetAddress) message.getAllRecipients()[0]).getAddress());
        assertTrue(message.getContentType().startsWith("multipart/alternative"), message.getContentType());
        for (String body : new String[] {part(message, 0), part(message, 1)}) {
            assertTrue(body.contains("was reset on 1 March 2026, 10:15 UTC by ops@example.org"), body);
            assertTrue(body.contains("ending in …a1b2"), body);
            assertTrue(body.contains("no longer passes authorization checks"), body);
            assertTrue(body.contains("Billing sync"), body);
            assertTrue(body.contains("An administrator of the account can find it under"), body);
            assertTrue(body.contains("https://tokendesk.example.org/accounts/AC01/credentials"), body);
            assertTrue(body.contains("treat the old token as compromised"), body);
            assertFalse(body.contains("keeps working until"), body);
            assertFalse(body.contains("confirm"), body);
        }
        MimeMultipart alternative = (MimeMultipart) message.getContent();
        assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
        assertTrue(part(message, 1).contains("<a href=\"https://tokendesk.example.org/accounts/AC01/credentials\">"));
    }

    @Test
    void a_german_mail_is_worded_in_german() throws Exception {
        notifier.deliver(notice().scope("read_only").build(), recipient(Locale.forLanguageTag("de-AT")));

        MimeMessage message = onlyMessage();
        assertEquals("[tokendesk] Auth-Token für AC0123456789abcdef0123456789abcdef zurückgesetzt (Nur-Lese)",
                message.getSubject());
        assertEquals("de", message.getHeader("Content-Language")[0]);
        for (String body : new String[] {part(message, 0), part(message, 1)}) {
            assertTrue(body.contains("wurde am 1. März 2026, 10:15 UTC von ops@example.org zurückgesetzt"), body);
            assertTrue(body.contains("endet auf …a1b2"), body);
            assertTrue(body.contains("findet es unter"), body);
            assertTrue(body.contains("https://tokendesk.example.org/accounts/AC01/credentials"), body);
            assertTrue(body.contains("als kompromittiert"), body);
        }
    }

    @Test
    void grace_period_and_acknowledge_link_are_included_when_present() throws Exception {
        notifier.deliver(notice()
                .oldTokenValidUntil(Instant.parse("2026-03-02T18:00:00Z"))
                .acknowledgeUrl(URI.create("https://tokendesk.example.org/ack/one-time-link"))
                .build(), recipient(Locale.ENGLISH));

        String text = part(onlyMessage(), 0);
        assertTrue(text.contains("keeps working until 2 March 2026, 18:00 UTC"), text);
        assertTrue(text.contains("When you have updated your integration, confirm it here:\r\n"
                + "https://tokendesk.example.org/ack/one-time-link") || text.contains(
                "When you have updated your integration, confirm it here:\nhttps://tokendesk.example.org/ack/one-time-link"),
                text);
    }

    @Test
    void every_attempt_of_one_delivery_carries_the_same_message_id() throws Exception {
        Notice notice = notice().build();

        notifier.deliver(notice, recipient(Locale.ENGLISH));
        notifier.deliver(notice, recipient(Locale.ENGLISH));

        assertTrue(greenMail.waitForIncomingEmail(5_000, 2));
        MimeMessage[] messages = greenMail.getReceivedMessages();
        assertEquals("<msg_2Qf8ZpR3kT7vW1xY9aBcD@tokendesk>", messages[0].getMessageID());
        assertEquals(messages[0].getMessageID(), messages[1].getMessageID());
        assertEquals("auto-generated", messages[0].getHeader("Auto-Submitted")[0]);
    }

    @Test
    void no_token_and_no_secret_appears_anywhere_in_the_mail() throws Exception {
        notifier.deliver(notice().build(), recipient(Locale.ENGLISH));

        MimeMessage message = onlyMessage();
        String raw = GreenMailUtil.getWholeMessage(message);
        for (String text : new String[] {raw, part(message, 0), part(message, 1)}) {
            assertFalse(text.contains(TOKEN_LOOKALIKE), text);
            assertFalse(text.contains("whsec_"), text);
            assertFalse(text.matches("(?s).*(?<![0-9a-fA-FC])[0-9a-f]{32}(?![0-9a-f]).*"), "token-shaped text in " + text);
        }
    }

    @Test
    void a_server_that_is_down_is_retried_and_the_mail_arrives_once_it_is_up() throws Exception {
        greenMail.stop();

        DeliveryOutcome whileDown = notifier.deliver(notice().build(), recipient(Locale.ENGLISH));
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        DeliveryOutcome onceUp = notifier.deliver(notice().build(), recipient(Locale.ENGLISH));

        assertInstanceOf(DeliveryOutcome.RetryLater.class, whileDown);
        assertTrue(whileDown.toString().contains("cannot reach SMTP server 127.0.0.1:" + port), whileDown.toString());
        assertInstanceOf(DeliveryOutcome.Delivered.class, onceUp);
        assertEquals("<msg_2Qf8ZpR3kT7vW1xY9aBcD@tokendesk>", onlyMessage().getMessageID());
    }

    @Test
    void an_invalid_owner_address_fails_without_contacting_the_server() {
        DeliveryOutcome outcome = notifier.deliver(notice().build(),
                new Recipient("Dana", "not an address", Locale.ENGLISH,
                        Optional.empty(), List.of()));

        assertInstanceOf(DeliveryOutcome.Failed.class, outcome);
        assertEquals(0, greenMail.getReceivedMessages().length);
    }
}
