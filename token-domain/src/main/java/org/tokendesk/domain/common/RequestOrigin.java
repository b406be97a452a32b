package org.tokendesk.domain.common;

/**
 * Where a request came from, for audit events and abuse limits.
 *
 * @param ip the client address (after trusted proxies)
 * @param userAgent the client's User-Agent, or empty
 */
public record RequestOrigin(String ip, String userAgent) {

    public static final RequestOrigin SYSTEM = new RequestOrigin("local", "tokendesk");

    public RequestOrigin {
        ip = ip == null ? "unknown" : ip;
        userAgent = userAgent == null ? "" : userAgent;
    }
}
