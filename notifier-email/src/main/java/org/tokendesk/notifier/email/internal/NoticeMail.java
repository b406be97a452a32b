package org.tokendesk.notifier.email.internal;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.Recipient;

/** Builds the mail for one notice: a text and an HTML part with the same content. */
final class NoticeMail {

    private NoticeMail() {
    }

    static MimeMessage compose(Session session, InternetAddress from, InternetAddress to, Notice notice,
            Recipient recipient, Instant now) throws MessagingException {
        MailContent content = MailTexts.render(notice, recipient);
        MimeMessage message = new NoticeMessage(session, notice.deliveryId());
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, withName(to, recipient.ownerName()));
        message.setSubject(content.subject(), "UTF-8");
        message.setSentDate(Date.from(now));
        message.setHeader("Content-Language", content.locale().getLanguage());
        // Marks the mail as machine-sent (RFC 3834) so out-of-office replies don't answer it.
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Auto-Response-Suppress", "All");

        MimeBodyPart text = new MimeBodyPart();
        text.setText(content.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(content.html(), "UTF-8", "html");
        // Order matters in multipart/alternative: the last part is the preferred one.
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static InternetAddress withName(InternetAddress address, String name) {
        try {
            return new InternetAddress(address.getAddress(), name, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            return address;
        }
    }
}
