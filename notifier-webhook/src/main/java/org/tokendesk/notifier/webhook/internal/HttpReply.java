package org.tokendesk.notifier.webhook.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * What the receiver answered.
 *
 * @param status the final status code
 * @param retryAfter the {@code Retry-After} header, if sent
 * @param excerpt the start of the response body, cleaned for a log line; empty for 2xx
 */
public record HttpReply(int status, Optional<String> retryAfter, String excerpt) {

    public HttpReply {
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(excerpt, "excerpt");
    }
}
