package org.tokendesk.web.http;

import io.javalin.http.Context;
import java.util.Set;

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
        String peer = ctx.req().getRemoteAddr();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        String realIp = ctx.header("X-Real-IP");
        if (realIp != null && !realIp.isBlank() && realIp.length() < 64) {
            return realIp.strip();
        }
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty() && last.length() < 64) {
                return last;
            }
        }
        return peer;
    }
}
