package org.tokendesk.web.api;

/**
 * The body of a reset: empty for a plain reset now.
 *
 * @param oldTokenValidFor ISO-8601 duration the old token keeps passing checks, or null for none
 * @param at when the reset should run (ISO-8601 date and time with offset, in the future), or null
 *     for now
 */
public record ResetRequest(String oldTokenValidFor, String at) {
}
