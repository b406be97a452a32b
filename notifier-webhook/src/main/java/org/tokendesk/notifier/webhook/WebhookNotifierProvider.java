package org.tokendesk.notifier.webhook;

import java.util.Locale;
import java.util.Optional;
import org.tokendesk.notifier.spi.Notifier;
import org.tokendesk.notifier.spi.NotifierConfigurationException;
import org.tokendesk.notifier.spi.NotifierContext;
import org.tokendesk.notifier.spi.NotifierProvider;
import org.tokendesk.notifier.spi.NotifierSpi;
import org.tokendesk.notifier.webhook.internal.WebhookNotifier;
import org.tokendesk.notifier.webhook.internal.WebhookSettings;

/**
 * Delivers notices as signed Standard Webhooks to each integration's webhook URL.
 *
 * <p>Setting {@code allow_private_networks} ({@code TOKENDESK_WEBHOOK_ALLOW_PRIVATE_NETWORKS}),
 * default {@code false}: whether webhook URLs may point at loopback, private and other
 * non-public addresses.
 */
public final class WebhookNotifierProvider implements NotifierProvider {

    /** The channel id integrations use to select this channel. */
    public static final String ID = "webhook";

    static final String ALLOW_PRIVATE_NETWORKS = "allow_private_networks";

    /** Creates the provider; the host does this through {@link java.util.ServiceLoader}. */
    public WebhookNotifierProvider() {
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
    public Notifier create(NotifierContext context) {
        boolean allowPrivate = parseFlag(context.setting(ALLOW_PRIVATE_NETWORKS));
        return new WebhookNotifier(WebhookSettings.defaults(allowPrivate, context.hostVersion()));
    }

    private static boolean parseFlag(Optional<String> value) {
        if (value.isEmpty()) {
            return false;
        }
        switch (value.get().trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new NotifierConfigurationException("TOKENDESK_WEBHOOK_ALLOW_PRIVATE_NETWORKS must be"
                        + " 'true' or 'false', not '" + value.get().trim() + "'");
        }
    }
}
