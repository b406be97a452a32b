package org.tokendesk.web.http;

import io.javalin.http.Context;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The client's address: the peer, or, when the peer is a trusted proxy (a gateway such as nginx on
 * the same machine), the address it reports in {@code X-Real-IP} or {@code X-Forwarded-For}.
 * Without this, every check through a gateway would share the gateway's failure limit.
 */
public final class ClientAddress {

    private final Set<String> trustedProxies;

    public ClientAddress(Iterable<String> trustedProxies) {
        java.util.HashSet<String> set = new java.util.HashSet<>();
        trustedProxies.forEach(set::add);
        this.trustedProxies = Set.copyOf(set);
    }

    public String of(Context ctx) {
        return of(ctx.req().getRemoteAddr(), ctx::header);
    }

    /**
     * @param peer the address of the connection's other end
     * @param header the request's header of a name, or null
     */
    public String of(String peer, UnaryOperator<String> header) {
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        String realIp = header.apply("X-Real-IP");
        if (looksLikeAddress(realIp)) {
            return realIp.strip();
        }
        String forwarded = header.apply("X-Forwarded-For");
        if (forwarded != null) {
            // the last hop is the one our trusted proxy saw; earlier ones are the client's word
            int comma = forwarded.lastIndexOf(',');
            String last = forwarded.substring(comma + 1).strip();
            if (looksLikeAddress(last)) {
                return last;
            }
        }
        return peer;
    }

    /** An IPv4 or IPv6 literal (shape only): anything else is not used as a limiter key or logged. */
    static boolean looksLikeAddress(String text) {
        if (text == null) {
            return false;
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > 45) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
