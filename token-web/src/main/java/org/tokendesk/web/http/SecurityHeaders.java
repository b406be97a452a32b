package org.tokendesk.web.http;

import io.javalin.http.Context;

/** Headers every response carries: no sniffing, no framing, no referrers, a strict CSP. */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    public static void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        if (ctx.res().getHeader("Content-Security-Policy") == null) {
            ctx.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
        }
        if (ctx.req().isSecure()) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
