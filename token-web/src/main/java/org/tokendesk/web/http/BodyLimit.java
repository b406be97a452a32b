package org.tokendesk.web.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Refuses bodies over 64 KiB with 413 before any handler reads them. A client that is still
 * sending would see a reset connection instead of the answer, so what it sends is read and dropped
 * first: only what has arrived, without ever blocking, for as long as bytes keep coming (up to
 * 256 KiB and two seconds); a client that declared a large body and sends nothing gets the 413
 * after a short pause, with the connection closed.
 */
public final class BodyLimit {

    private static final long DRAIN_LIMIT = 256 * 1024;
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long TOTAL_NANOS = TimeUnit.SECONDS.toNanos(2);

    private BodyLimit() {
    }

    public static void refuseOversized(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length <= Json.MAX_BODY_BYTES) {
            return;
        }
        boolean drained = length <= DRAIN_LIMIT && drainArrived(ctx, length);
        if (!drained) {
            ctx.header("Connection", "close");
        }
        throw new HttpResponseException(413, "request body too large");
    }

    private static boolean drainArrived(Context ctx, long length) {
        long start = System.nanoTime();
        long lastProgress = start;
        long left = length;
        try {
            InputStream in = ctx.req().getInputStream();
            while (left > 0) {
                long now = System.nanoTime();
                if (now - lastProgress > QUIET_NANOS || now - start > TOTAL_NANOS) {
                    return false;
                }
                int available = in.available();
                if (available > 0) {
                    left -= in.skip(Math.min(available, left));
                    lastProgress = now;
                } else {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
