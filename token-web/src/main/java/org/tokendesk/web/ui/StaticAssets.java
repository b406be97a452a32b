package org.tokendesk.web.ui;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.tokendesk.domain.common.NotFoundException;

/**
 * The pages' own stylesheet, script and icon, served from this module's resources by name (no
 * directory listing, no path walking), so that the CSP can forbid every inline script and style.
 */
final class StaticAssets {

    private static final Map<String, String> TYPES = Map.of("app.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8", "favicon.svg", "image/svg+xml");

    private final Map<String, byte[]> files;

    StaticAssets() {
        this.files = Map.of("app.css", read("app.css"), "app.js", read("app.js"), "favicon.svg", read("favicon.svg"));
    }

    void serve(Context ctx) {
        String name = ctx.pathParam("file");
        byte[] body = files.get(name);
        if (body == null) {
            throw new NotFoundException("no such file");
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(TYPES.get(name)).result(body);
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticAssets.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("static/" + name + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
