package org.tokendesk.notifier.webhook.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How the webhook channel behaves. Holds no secret: signing secrets belong to each recipient and
 * are passed per delivery.
 *
 * @param allowPrivateNetworks whether loopback, private and other non-public destinations are
 *     allowed
 * @param userAgent the {@code user-agent} header
 * @param connectTimeout limit for establishing the TCP connection
 * @param requestTimeout limit for the whole attempt, from resolving the name to the response
 */
public record WebhookSettings(
        boolean allowPrivateNetworks, String userAgent, Duration connectTimeout, Duration requestTimeout) {

    /** Connect timeout of every attempt. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Limit for a whole attempt; below the host's own limit around {@code deliver}. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public WebhookSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /**
     * The settings used in production.
     *
     * @param allowPrivateNetworks the operator's choice
     * @param hostVersion the tokendesk version for the user agent
     * @return the settings
     */
    public static WebhookSettings defaults(boolean allowPrivateNetworks, String hostVersion) {
        // A version string ends up in a header line, so it must not be able to break the line.
        String version = hostVersion.replaceAll("[^\\x21-\\x7e]", "");
        return new WebhookSettings(allowPrivateNetworks, "tokendesk/" + version, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }
}
