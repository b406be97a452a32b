package org.tokendesk.web.api;

import java.time.Instant;
import java.util.List;

/**
 * A management key without its secret.
 *
 * @param id key id
 * @param name its name
 * @param hint last four characters
 * @param createdAt when created
 * @param lastUsedAt last use, or null
 */
public record KeyView(String id, String name, String hint, Instant createdAt, Instant lastUsedAt) {

    /** @param keys the caller's keys */
    public record KeyList(List<KeyView> keys) {
    }
}
