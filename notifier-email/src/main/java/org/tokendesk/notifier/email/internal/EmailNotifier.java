package org.tokendesk.notifier.email.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.function.Supplier;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.tokendesk.notifier.spi.DeliveryOutcome;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.Notifier;
import org.tokendesk.notifier.spi.Recipient;

/**
 * Sends each notice over its own SMTP connection. The {@link Session} is shared and thread-safe;
 * transports are not, so each delivery opens one.
 */
public final class EmailNotifier implements Notifier {

    private final EmailSettings settings;
    private final Session session;
    private final Redactor redactor;
    private final Clock clock;

    /**
     * @param settings checked SMTP settings
     * @param ehloName the name to greet the server with
     */
    public EmailNotifier(EmailSettings settings, String ehloName) {
        this.settings = settings;
        this.session = withOwnClassLoader(() -> Session.getInstance(SmtpSessions.properties(settings, ehloName)));
        this.redactor = new Redactor(settings.username(), settings.password());
        this.clock = Clock.systemUTC();
    }

    @Override
    public DeliveryOutcome deliver(Notice notice, Recipient recipient) {
        return withOwnClassLoader(() -> send(notice, recipient));
    }

    private DeliveryOutcome send(Notice notice, Recipient recipient) {
        InternetAddress to;
        try {
            to = new InternetAddress(recipient.ownerEmail(), true);
        } catch (AddressException e) {
            return DeliveryOutcome.failed("the owner's email address '" + recipient.ownerEmail() + "' is not valid");
        }
        String server = settings.host() + ":" + settings.port();
        Transport transport = null;
        try {
            MimeMessage message = NoticeMail.compose(session, settings.from(), to, notice, recipient, clock.instant());
            transport = session.getTransport(settings.tls().protocol());
            transport.connect(settings.host(), settings.port(), settings.username().orElse(null),
                    settings.password().orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
            return DeliveryOutcome.delivered(redactor.clean(acceptance(transport)));
        } catch (MessagingException e) {
            return SmtpOutcomes.of(e, server, redactor);
        } finally {
            closeQuietly(transport);
        }
    }

    private static String acceptance(Transport transport) {
        String reply = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : null;
        return reply == null || reply.isBlank() ? "250 accepted" : reply;
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            // The server has accepted or refused the message already; QUIT cannot change that.
        }
    }

    /**
     * Jakarta Mail finds its SMTP provider and stream handlers through the thread's context class
     * loader. The host loads a plugin in its own layer, where the context class loader of the
     * host's threads cannot see Angus, so the plugin's own loader is set for the call.
     */
    private static <T> T withOwnClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmailNotifier.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public String toString() {
        return "EmailNotifier[" + settings + "]";
    }
}
