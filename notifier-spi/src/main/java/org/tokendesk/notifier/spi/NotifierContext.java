package org.tokendesk.notifier.spi;

import java.net.URI;
import java.util.Optional;

/**
 * What the host gives a provider when creating its notifier: the provider's own settings and a
 * few facts about the host.
 *
 * <p>Settings live in the provider's namespace. For a provider with id {@code slack} the key
 * {@code webhook_url} is read from the environment variable {@code TOKENDESK_NOTIFIER_SLACK_WEBHOOK_URL}
 * or, when that is not set, from the config file key {@code notifier.slack.webhook_url}. The two
 * built-in channels also read their documented variables ({@code TOKENDESK_SMTP_*}).
 */
public interface NotifierContext {

    /**
     * A setting of this provider's namespace.
     *
     * @param key lower-case key, for example {@code "webhook_url"}
     * @return the value, if set and not blank
     */
    Optional<String> setting(String key);

    /**
     * The public base URL of the tokendesk console ({@code TOKENDESK_PUBLIC_URL}), for links in
     * notices.
     *
     * @return the base URL, without a trailing slash
     */
    URI publicUrl();

    /**
     * The version of the tokendesk host, for example in a {@code User-Agent}.
     *
     * @return the host version, for example {@code "0.1.0"}
     */
    String hostVersion();
}
