package org.tokendesk.domain.usage;

/**
 * Who presented a credential, as the web layer saw it: raw and unchecked. Only a recorder
 * sanitizes it, and only when it keeps it, so the check path allocates nothing more.
 *
 * @param address the client address (after trusted proxies)
 * @param userAgent the {@code User-Agent} header, or null
 * @param uri the request URI the gateway was asked about ({@code X-Original-URI} /
 *     {@code X-Forwarded-Uri}), or null
 */
public record ClientInfo(String address, String userAgent, String uri) {

    /** A client known only by its address. */
    public static ClientInfo of(String address) {
        return new ClientInfo(address, null, null);
    }
}
