package org.tokendesk.domain.integration;

import java.util.List;
import java.util.Set;

/**
 * The channel ids the node can deliver over: the built-in {@code email} and {@code webhook} when
 * configured, and every loaded plugin.
 *
 * @param available ids of loaded, enabled notifiers
 */
public record Channels(Set<String> available) {

    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";

    public Channels {
        available = Set.copyOf(available);
    }

    /** Email always, webhook when the integration has a URL. */
    public static List<String> defaults(boolean hasWebhook) {
        return hasWebhook ? List.of(EMAIL, WEBHOOK) : List.of(EMAIL);
    }
}
