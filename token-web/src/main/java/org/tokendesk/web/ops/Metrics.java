package org.tokendesk.web.ops;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.tokendesk.domain.notice.OutboxStore;
import org.tokendesk.domain.tx.Transactions;
import org.tokendesk.domain.usage.SightingRecorder;
import org.tokendesk.domain.usage.UseRecorders;
import org.tokendesk.persistence.Database;

/**
 * The node's metrics in Prometheus text format ({@code GET /metrics}): credential checks by outcome
 * with their latency, resets, deliveries by channel and outcome, the outbox backlog and its age,
 * the connection pool, HTTP requests by route, and the JVM. Labels never hold an Account SID or a
 * secret, so their number stays small.
 */
public final class Metrics implements AutoCloseable {

    static final String VERIFY_OUTCOME = "tokendesk.verifyOutcome";
    private static final Duration[] CHECK_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final ConcurrentHashMap<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CheckKey, Timer> checkTimers = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile OutboxStore.Backlog backlog;
    private volatile Transactions backlogSource;

    public Metrics(Clock clock, String version) {
        this.clock = clock;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("tokendesk.info", () -> 1).description("This node's tokendesk version").tag("version", version)
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Uses the recorders dropped because their bounded maps were full (a flood of distinct clients). */
    public void bindUseRecorders(UseRecorders uses) {
        FunctionCounter.builder("tokendesk.sightings.dropped", uses.stale(), SightingRecorder::dropped)
                .description("Old-token sightings not recorded because the recorder was full").tag("kind", "stale")
                .register(registry);
        FunctionCounter.builder("tokendesk.sightings.dropped", uses.valid(), SightingRecorder::dropped)
                .description("Client uses not recorded because the recorder was full").tag("kind", "valid")
                .register(registry);
    }

    /** The pool's connections (HikariCP's own metric names) and the outbox, read at every scrape. */
    public void bindDatabase(Database database, Transactions tx) {
        if (database.dataSource() instanceof HikariDataSource hikari) {
            pool("hikaricp.connections.active", "Connections in use", hikari, HikariPoolMXBean::getActiveConnections);
            pool("hikaricp.connections.idle", "Idle connections", hikari, HikariPoolMXBean::getIdleConnections);
            pool("hikaricp.connections.pending", "Threads waiting for a connection", hikari,
                    HikariPoolMXBean::getThreadsAwaitingConnection);
            pool("hikaricp.connections", "Connections open", hikari, HikariPoolMXBean::getTotalConnections);
            Gauge.builder("hikaricp.connections.max", hikari, HikariDataSource::getMaximumPoolSize)
                    .description("Most connections the pool opens").tag("pool", poolName(hikari)).register(registry);
        }
        this.backlogSource = tx;
        Gauge.builder("tokendesk.outbox.pending", this, m -> m.backlog == null ? Double.NaN : m.backlog.pending())
                .description("Deliveries waiting to be sent (all nodes share the outbox)").register(registry);
        Gauge.builder("tokendesk.outbox.oldest.age", this, Metrics::oldestAgeSeconds).baseUnit("seconds")
                .description("How long the oldest pending delivery has waited; 0 when none").register(registry);
    }

    private void pool(String name, String description, HikariDataSource hikari, ToDoubleFunction<HikariPoolMXBean> value) {
        Gauge.builder(name, hikari, h -> {
            HikariPoolMXBean bean = h.getHikariPoolMXBean();
            return bean == null ? Double.NaN : value.applyAsDouble(bean);
        }).description(description).tag("pool", poolName(hikari)).register(registry);
    }

    private static String poolName(HikariDataSource hikari) {
        return hikari.getPoolName() == null ? "tokendesk" : hikari.getPoolName();
    }

    private double oldestAgeSeconds() {
        OutboxStore.Backlog b = backlog;
        if (b == null) {
            return Double.NaN;
        }
        if (b.oldestCreatedAt() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(b.oldestCreatedAt(), clock.instant()).toMillis() / 1000.0);
    }

    /** The Prometheus text; the outbox is read once per scrape (NaN while the database is down). */
    public String scrape() {
        Transactions tx = backlogSource;
        if (tx != null) {
            try {
                backlog = tx.read(s -> s.outbox().backlog());
            } catch (RuntimeException e) {
                backlog = null;
            }
        }
        return registry.scrape();
    }

    /** One answered HTTP request; the credential checks also by outcome, with their latency. */
    void recordRequest(Context ctx, String route, long nanos) {
        recordRequest(ctx.req().getMethod(), route, ctx.statusCode(), ctx.attribute(VERIFY_OUTCOME), nanos);
    }

    /** The same for a request answered without a Javalin {@link Context} (the check front). */
    void recordRequest(String method, String route, int status, String verifyOutcome, long nanos) {
        String path = route == null ? "unmatched" : route;
        // one lookup in a map of our own instead of building a meter id (or a string key) per request
        timer(requestTimers, new RequestKey(method, path, status), () -> Timer.builder("http.server.requests")
                .description("HTTP requests by route and status").tag("method", method).tag("route", path)
                .tag("status", Integer.toString(status)).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        if ("/v1/auth/check".equals(route)) {
            check("auth_check", authCheckOutcome(status), nanos);
        } else if ("/v1/verify".equals(route)) {
            check("verify", verifyOutcome != null ? verifyOutcome : errorOutcome(status), nanos);
        }
    }

    private void check(String endpoint, String outcome, long nanos) {
        timer(checkTimers, new CheckKey(endpoint, outcome), () -> Timer.builder("tokendesk.checks")
                .description("Credential checks by endpoint and outcome").tag("endpoint", endpoint).tag("outcome", outcome)
                .serviceLevelObjectives(CHECK_BUCKETS).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The timer of a key, made once. {@code get} first: {@code computeIfAbsent} locks the key's bin
     * whenever the key is not the first in it, and every check of both selector threads comes here.
     */
    private static <K> Timer timer(ConcurrentHashMap<K, Timer> timers, K key, Supplier<Timer> make) {
        Timer timer = timers.get(key);
        return timer != null ? timer : timers.computeIfAbsent(key, k -> make.get());
    }

    private record RequestKey(String method, String route, int status) {
    }

    private record CheckKey(String endpoint, String outcome) {
    }

    static String authCheckOutcome(int status) {
        return switch (status) {
            case 204 -> "valid";
            case 401 -> "invalid";
            case 403 -> "forbidden_method";
            default -> errorOutcome(status);
        };
    }

    private static String errorOutcome(int status) {
        return switch (status) {
            case 429 -> "limited";
            case 503 -> "unavailable";
            case 400, 413 -> "bad_request";
            default -> "error";
        };
    }

    /** After {@code POST /v1/verify}: remembers the answer's outcome, read from its body. */
    void rememberVerifyOutcome(Context ctx) {
        if (ctx.statusCode() != 200) {
            return;
        }
        String body = ctx.result();
        if (body == null) {
            return;
        }
        String outcome;
        if (body.contains("\"valid\":true")) {
            outcome = "valid";
        } else if (body.contains("\"token_reset\"")) {
            outcome = "reset";
        } else if (body.contains("\"forbidden_method\"")) {
            outcome = "forbidden_method";
        } else {
            outcome = "invalid";
        }
        ctx.attribute(VERIFY_OUTCOME, outcome);
    }

    /** Counts a committed-or-attempted reset by scope. */
    void countReset(String scope) {
        Counter.builder("tokendesk.resets").description("Token resets by scope").tag("scope", scope)
                .register(registry).increment();
    }

    /** One delivery attempt through a notifier, by channel and outcome. */
    void recordDelivery(String channel, String outcome, Instant started) {
        Timer.builder("tokendesk.deliveries").description("Delivery attempts by channel and outcome")
                .tag("channel", channel).tag("outcome", outcome).register(registry)
                .record(Duration.between(started, clock.instant()));
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
