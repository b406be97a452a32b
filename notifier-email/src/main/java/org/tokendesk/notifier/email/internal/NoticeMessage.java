package org.tokendesk.notifier.email.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;

/**
 * A MIME message whose Message-ID comes from the delivery id instead of being generated, so every
 * retry of one delivery carries the same Message-ID and mail systems can drop duplicates.
 */
final class NoticeMessage extends MimeMessage {

    private final String messageId;

    NoticeMessage(Session session, String deliveryId) {
        super(session);
        this.messageId = "<" + idPart(deliveryId) + "@tokendesk>";
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }

    /**
     * Keeps letters, digits, underscore and hyphen; anything else becomes {@code =XX} so that
     * different ids stay different and the header stays a valid msg-id (RFC 5322 §3.6.4; a dot
     * would be valid only between other characters).
     */
    static String idPart(String deliveryId) {
        StringBuilder out = new StringBuilder(deliveryId.length());
        for (byte b : deliveryId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                out.append(c);
            } else {
                out.append('=').append(String.format("%02X", b & 0xff));
            }
        }
        return out.length() == 0 ? "=" : out.toString();
    }
}
