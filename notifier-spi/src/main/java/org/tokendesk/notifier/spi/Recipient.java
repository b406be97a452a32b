package org.tokendesk.notifier.spi;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The owner of an integration and where to reach them.
 *
 * <p>{@link #toString()} never shows the webhook signing secrets, nor the path of the webhook URL.
 *
 * @param ownerName the owner's name
 * @param ownerEmail the owner's email address
 * @param locale the owner's language for notices ({@code en}, {@code de}, …)
 * @param webhookUrl the integration's webhook URL, if it has one
 * @param webhookSecrets the signing secrets ({@code whsec_…}) to sign with, newest first; two
 *     during a secret rotation, otherwise one; empty without a webhook
 */
public record Recipient(
        String ownerName,
        String ownerEmail,
        Locale locale,
        Optional<URI> webhookUrl,
        List<String> webhookSecrets) {

    public Recipient {
        Objects.requireNonNull(ownerName, "ownerName");
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        webhookSecrets = List.copyOf(webhookSecrets);
    }

    @Override
    public String toString() {
        return "Recipient[ownerName=" + ownerName + ", ownerEmail=" + ownerEmail + ", locale=" + locale
                // paths and queries of webhook URLs often carry credentials: scheme and host only
                + ", webhookUrl=" + webhookUrl.map(u -> u.getScheme() + "://" + u.getHost() + "/…").orElse("none")
                + ", webhookSecrets=" + webhookSecrets.size() + " masked]";
    }
}
