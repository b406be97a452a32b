package org.tokendesk.web.api;

/**
 * {@code PATCH …/legacy-token}.
 *
 * @param apiVersion the new API version
 */
public record ApiVersionRequest(String apiVersion) {
}
