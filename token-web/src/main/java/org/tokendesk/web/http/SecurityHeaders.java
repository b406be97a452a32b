package org.tokendesk.web.http;

import io.javalin.http.Context;
import java.util.function.BiConsumer;

/** Headers every response carries: no sniffing, no framing, no referrers, a strict CSP. */
public final class SecurityHeaders {

    private static final String CSP = "Content-Security-Policy";

    private SecurityHeaders() {
    }

    public static void apply(Context ctx) {
        // a page sets its own CSP; the default is only for everything else
        boolean ownCsp = ctx.res().getHeader(CSP) != null;
        each(ctx.req().isSecure(), (name, value) -> {
            if (!ownCsp || !CSP.equals(name)) {
                ctx.header(name, value);
            }
        });
    }

    /** The headers, for a handler that answers without a Javalin {@link Context} (the check front). */
    public static void each(boolean secure, BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("X-Frame-Options", "DENY");
        header.accept(CSP, "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
        if (secure) {
            header.accept("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
