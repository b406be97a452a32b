package org.tokendesk.web.api;

/**
 * The body of a reset: empty for a plain reset.
 *
 * @param oldTokenValidFor ISO-8601 duration the old token keeps passing checks, or null for none
 */
public record ResetRequest(String oldTokenValidFor) {
}
