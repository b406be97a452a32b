package org.tokendesk.web.ops;

import io.javalin.config.RoutesConfig;
import java.net.URI;

/** {@code GET /metrics} (Prometheus text) and {@code GET /openapi.json}: API.md section 7. */
public final class OpsRoutes {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Metrics metrics;
    private final URI publicUrl;
    /** Rendered at the first request, not at start: few clients ever ask, and a start should not wait for it. */
    private volatile byte[] openApi;

    public OpsRoutes(Metrics metrics, URI publicUrl) {
        this.metrics = metrics;
        this.publicUrl = publicUrl;
    }

    public void register(RoutesConfig routes) {
        routes.get("/metrics", ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.status(200).contentType(PROMETHEUS_TEXT).result(metrics.scrape());
        });
        routes.get("/openapi.json", ctx -> ctx.status(200).contentType("application/json").result(openApi()));
    }

    private byte[] openApi() {
        byte[] document = openApi;
        if (document == null) {
            // two first requests at once may both render it; they render the same bytes
            document = OpenApiDocument.served(publicUrl);
            openApi = document;
        }
        return document;
    }
}
