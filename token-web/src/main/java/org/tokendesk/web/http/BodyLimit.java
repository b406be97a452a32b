package org.tokendesk.web.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses bodies over 64 KiB with 413 before any handler reads them. A declared length that is too
 * large is refused at once; the body is read and dropped first (up to 1 MiB) so that the client,
 * still sending, receives the answer instead of a reset connection.
 */
public final class BodyLimit {

    private static final long DRAIN_LIMIT = 1024 * 1024;

    private BodyLimit() {
    }

    public static void refuseOversized(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length <= Json.MAX_BODY_BYTES) {
            return;
        }
        if (length <= DRAIN_LIMIT) {
            try (InputStream in = ctx.req().getInputStream()) {
                in.skipNBytes(length);
            } catch (IOException e) {
                // the client went away; the 413 below is all we can still do
            }
        } else {
            ctx.header("Connection", "close");
        }
        throw new HttpResponseException(413, "request body too large");
    }
}
