package org.tokendesk.web.api;

/**
 * A body with only a name: {@code POST /api/v1/keys}, {@code POST /api/v1/accounts}.
 *
 * @param name the name
 */
public record NameRequest(String name) {
}
