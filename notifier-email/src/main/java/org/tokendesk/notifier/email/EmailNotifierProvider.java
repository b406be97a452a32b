package org.tokendesk.notifier.email;

import java.net.URI;
import java.util.Optional;
import org.tokendesk.notifier.email.internal.EmailNotifier;
import org.tokendesk.notifier.email.internal.EmailSettings;
import org.tokendesk.notifier.spi.Notifier;
import org.tokendesk.notifier.spi.NotifierContext;
import org.tokendesk.notifier.spi.NotifierProvider;
import org.tokendesk.notifier.spi.NotifierSpi;

/**
 * Sends notices as email over SMTP to each integration owner.
 *
 * <p>Settings ({@code TOKENDESK_SMTP_*}): {@code host} (the channel is off without it),
 * {@code port}, {@code username}, {@code password}, {@code from} (required with a host) and
 * {@code tls}: {@code none}, {@code starttls} (the default; STARTTLS is required, never
 * optional) or {@code smtps}.
 */
public final class EmailNotifierProvider implements NotifierProvider {

    /** The channel id integrations use to select this channel. */
    public static final String ID = "email";

    /** Creates the provider; the host does this through {@link java.util.ServiceLoader}. */
    public EmailNotifierProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int spiVersion() {
        return NotifierSpi.VERSION;
    }

    @Override
    public boolean isEnabled(NotifierContext context) {
        return context.setting(EmailSettings.HOST).filter(host -> !host.isBlank()).isPresent();
    }

    @Override
    public Notifier create(NotifierContext context) {
        EmailSettings settings = EmailSettings.from(context::setting);
        // The EHLO name; the public host name is the best name tokendesk has for itself.
        String ehloName = Optional.ofNullable(context.publicUrl()).map(URI::getHost).orElse("localhost");
        return new EmailNotifier(settings, ehloName);
    }
}
