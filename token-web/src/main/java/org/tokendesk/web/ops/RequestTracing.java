package org.tokendesk.web.ops;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.tokendesk.web.http.ClientAddress;

/**
 * A request id on every request (taken from {@code X-Request-Id} when a gateway sends a sane one,
 * else made here), in the response header and in the MDC, so every log line of the request carries
 * it; and one access-log line per request, after it was answered. The access log never holds a
 * credential: no headers but the User-Agent, no query string, and path parameters that may carry a
 * secret are masked.
 */
public final class RequestTracing {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** The logger of the access log; set it to WARN to turn the access log off. */
    public static final String ACCESS_LOGGER = "tokendesk.access";

    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOGGER);
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern SECRET_PARAM = Pattern.compile("(?i).*(token|secret|key|password).*");
    private static final Pattern SECRET_SEGMENT = Pattern.compile("(?i)(td(rw|ro|mk)_|whsec_).*|[^/]{48,}");
    private static final String STARTED = "tokendesk.started";

    private final ClientAddress clientAddress;
    private final Metrics metrics;

    public RequestTracing(ClientAddress clientAddress, Metrics metrics) {
        this.clientAddress = clientAddress;
        this.metrics = metrics;
    }

    /** Registers the first before-handler and the request logger; call before any other route group. */
    public void register(JavalinConfig config) {
        config.routes.before(this::begin);
        config.routes.after("/v1/verify", metrics::rememberVerifyOutcome);
        config.requestLogger.http(this::end);
    }

    void begin(Context ctx) {
        String id = requestId(ctx.header(HEADER));
        ctx.attribute(MDC_KEY, id);
        ctx.attribute(STARTED, System.nanoTime());
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** The gateway's request id when it is a sane one, else a new one. */
    public static String requestId(String incoming) {
        return incoming != null && SANE_ID.matcher(incoming).matches() ? incoming : newId();
    }

    /**
     * Metrics and access log of a request answered without Javalin's pipeline (the check front),
     * exactly as {@link #end} records a request Javalin answered; the caller holds the MDC.
     *
     * @param route the route the request matched, as Javalin would name it
     */
    public void answered(String method, String route, int status, long nanos, String client, String userAgent) {
        metrics.recordRequest(method, route, status, null, nanos);
        if (isLogged(route)) {
            log(method, clean(route, 200), status, nanos, client, userAgent, isProbe(route));
        }
    }

    void end(Context ctx, Float millis) {
        String id = ctx.attribute(MDC_KEY);
        if (id != null) {
            MDC.put(MDC_KEY, id);
        }
        try {
            Long started = ctx.attribute(STARTED);
            long nanos = started == null ? (long) (millis * 1_000_000) : System.nanoTime() - started;
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            String route = endpoint == null ? null : endpoint.path;
            metrics.recordRequest(ctx, route, nanos);
            log(ctx, route, nanos);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    private void log(Context ctx, String route, long nanos) {
        if (!isLogged(route)) {
            return;
        }
        log(ctx.req().getMethod(), safePath(ctx, route), ctx.statusCode(), nanos, clientAddress.of(ctx),
                ctx.header("User-Agent"), isProbe(route));
    }

    // probes and the credential checks (the hot path, thousands a second) log at DEBUG only
    private static boolean isProbe(String route) {
        return route != null && (route.startsWith("/health/") || route.equals("/metrics") || route.startsWith("/v1/"));
    }

    private static boolean isLogged(String route) {
        return isProbe(route) ? ACCESS.isDebugEnabled() : ACCESS.isInfoEnabled();
    }

    private static void log(String method, String path, int status, long nanos, String client, String userAgent,
            boolean probe) {
        String ms = String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
        String agent = clean(userAgent, 120);
        var event = probe ? ACCESS.atDebug() : ACCESS.atInfo();
        event.addKeyValue("method", method).addKeyValue("path", path).addKeyValue("status", status)
                .addKeyValue("durationMs", ms).addKeyValue("client", client).addKeyValue("userAgent", agent)
                .log("{} {} {} {}ms client={} agent=\"{}\"", method, path, status, ms, client, agent);
    }

    /** The path with every parameter that may carry a secret masked, and no query string. */
    static String safePath(Context ctx, String route) {
        if (route == null) {
            String[] segments = ctx.path().split("/", -1);
            for (int i = 0; i < segments.length; i++) {
                if (SECRET_SEGMENT.matcher(segments[i]).matches()) {
                    segments[i] = "***";
                }
            }
            return clean(String.join("/", segments), 200);
        }
        String path = route;
        for (Map.Entry<String, String> param : ctx.pathParamMap().entrySet()) {
            String value = SECRET_PARAM.matcher(param.getKey()).matches()
                    || SECRET_SEGMENT.matcher(param.getValue()).matches() ? "***" : param.getValue();
            path = path.replace("{" + param.getKey() + "}", value).replace("<" + param.getKey() + ">", value);
        }
        return clean(path, 200);
    }

    private static String clean(String text, int max) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > max ? text.substring(0, max) + "…" : text;
        return cut.replaceAll("[\\p{Cntrl}\"\\\\]", "?");
    }

    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}
