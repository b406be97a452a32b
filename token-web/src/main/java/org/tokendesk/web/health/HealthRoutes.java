package org.tokendesk.web.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.tokendesk.persistence.Database;
import org.tokendesk.web.http.Json;

/** Liveness (the process answers) and readiness (database reachable, migrations applied). */
public final class HealthRoutes {

    private final Database database;

    public HealthRoutes(Database database) {
        this.database = database;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health/live", ctx -> status(ctx, true));
        routes.get("/health/ready", ctx -> status(ctx, database.isReady()));
    }

    private static void status(Context ctx, boolean up) {
        ctx.header("Cache-Control", "no-store");
        Json.write(ctx, up ? 200 : 503, Map.of("status", up ? "up" : "down"));
    }
}
