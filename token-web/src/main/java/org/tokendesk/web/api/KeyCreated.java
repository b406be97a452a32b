package org.tokendesk.web.api;

import java.time.Instant;

/**
 * A new management key, shown once.
 *
 * @param id key id
 * @param name its name
 * @param key the key itself
 * @param createdAt when created
 */
public record KeyCreated(String id, String name, String key, Instant createdAt) {

    @Override
    public String toString() {
        return "KeyCreated[id=" + id + ", name=" + name + ", key=masked]";
    }
}
