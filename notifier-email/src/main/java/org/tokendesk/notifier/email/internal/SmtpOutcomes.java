package org.tokendesk.notifier.email.internal;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.tokendesk.notifier.spi.DeliveryOutcome;

/**
 * Turns what Jakarta Mail threw into an outcome: SMTP 4xx replies and unreachable servers are
 * temporary, 5xx replies are permanent.
 */
final class SmtpOutcomes {

    /** A reply code at the start of a server line, or after Angus's "response: " for greetings. */
    private static final Pattern REPLY = Pattern.compile("(?:^|response: )([245]\\d\\d)(?:[ -]|$)");

    private SmtpOutcomes() {
    }

    static DeliveryOutcome of(MessagingException error, String server, Redactor redactor) {
        if (error instanceof NoSuchProviderException) {
            return DeliveryOutcome.failed("no SMTP implementation found; Angus Mail must be installed with tokendesk");
        }
        if (String.valueOf(error.getMessage()).contains("STARTTLS is required")) {
            // Retrying would not make the server offer STARTTLS; an operator has to act.
            return DeliveryOutcome.failed("the SMTP server " + server + " does not offer STARTTLS, which"
                    + " TOKENDESK_SMTP_TLS=starttls requires");
        }
        Optional<Reply> reply = reply(error);
        if (reply.isPresent()) {
            String what = error instanceof AuthenticationFailedException ? "SMTP login failed: " : "SMTP server said: ";
            String reason = redactor.clean(what + reply.get().text());
            return reply.get().code() >= 500 ? DeliveryOutcome.failed(reason) : DeliveryOutcome.retryLater(reason);
        }
        if (error instanceof AuthenticationFailedException) {
            return DeliveryOutcome.failed("SMTP login failed; check TOKENDESK_SMTP_USERNAME and TOKENDESK_SMTP_PASSWORD");
        }
        Optional<IOException> io = cause(error, IOException.class);
        if (io.isPresent()) {
            return DeliveryOutcome.retryLater(redactor.clean(network(io.get(), server)));
        }
        return DeliveryOutcome.retryLater(redactor.clean("sending mail failed: " + error.getMessage()));
    }

    private static String network(IOException e, String server) {
        if (e instanceof UnknownHostException) {
            return "cannot resolve SMTP server " + server;
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer from SMTP server " + server + " in time";
        }
        if (e instanceof SSLException) {
            return "TLS with SMTP server " + server + " failed: " + e.getMessage();
        }
        if (e instanceof SocketException) {
            return "cannot reach SMTP server " + server + ": " + e.getMessage();
        }
        return "sending mail via " + server + " failed: " + e.getMessage();
    }

    private record Reply(int code, String text) {
    }

    /** The first SMTP reply found along the exception chain, from Angus's exceptions or messages. */
    private static Optional<Reply> reply(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 16; t = next(t), depth++) {
            if (t instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
                return Optional.of(new Reply(s.getReturnCode(), s.getMessage()));
            }
            if (t instanceof SMTPAddressFailedException a && a.getReturnCode() > 0) {
                return Optional.of(new Reply(a.getReturnCode(), a.getMessage()));
            }
            Matcher m = REPLY.matcher(String.valueOf(t.getMessage()).trim());
            if (t instanceof MessagingException && m.find()) {
                return Optional.of(new Reply(Integer.parseInt(m.group(1)), t.getMessage()));
            }
        }
        return Optional.empty();
    }

    private static <T extends Throwable> Optional<T> cause(Throwable error, Class<T> type) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 16; t = next(t), depth++) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause();
    }
}
