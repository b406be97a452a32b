package org.tokendesk.web.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tokendesk.domain.notice.OutboxDispatcher;
import org.tokendesk.domain.notice.StaleUseReminders;
import org.tokendesk.domain.operator.OperatorService;
import org.tokendesk.domain.operator.SessionService;
import org.tokendesk.domain.secret.Base62;
import org.tokendesk.domain.secret.MasterKey;
import org.tokendesk.domain.secret.SecureRandomGenerator;
import org.tokendesk.domain.token.ScheduledResetRunner;
import org.tokendesk.domain.token.UsageRecorder;
import org.tokendesk.domain.tx.Transactions;
import org.tokendesk.domain.usage.SightingRecorder;
import org.tokendesk.domain.usage.UseRecorders;
import org.tokendesk.persistence.Database;
import org.tokendesk.web.config.Settings;
import org.tokendesk.web.notify.NotifierRegistry;

/** One running tokendesk node: database, composition root, HTTP server and background jobs. */
public final class Application implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final Database database;
    private final Injector injector;
    private final Javalin server;
    private final ScheduledExecutorService jobs;
    private final Optional<SqliteNodeLock> nodeLock;

    private Application(Database database, Injector injector, Javalin server, ScheduledExecutorService jobs,
            Optional<SqliteNodeLock> nodeLock) {
        this.database = database;
        this.injector = injector;
        this.server = server;
        this.jobs = jobs;
        this.nodeLock = nodeLock;
    }

    /** Starts a node; every failure to start is a {@link StartupException} with a clear message. */
    public static Application start(Settings settings) {
        if (settings.sqlite()) {
            new DataDirectory(settings.dataDir()).prepare();
        }
        // SQLite: exactly one node per database file (the check cache relies on it)
        Optional<SqliteNodeLock> nodeLock = settings.sqlite()
                ? SqliteNodeLock.take(settings.database().jdbcUrl()) : Optional.empty();
        Database database;
        try {
            database = migrated(settings);
        } catch (RuntimeException e) {
            nodeLock.ifPresent(SqliteNodeLock::close);
            throw e;
        }
        try {
            MasterKey masterKey = settings.masterKey()
                    .orElseGet(() -> new DataDirectory(settings.dataDir()).masterKey(new SecureRandomGenerator()));
            Injector injector = Guice.createInjector(Stage.PRODUCTION,
                    new CoreModule(settings, database, masterKey, nodeLock.isPresent()));
            bootstrapAdmin(settings, injector.getInstance(OperatorService.class));
            Javalin server = WebServer.create(injector).start(settings.httpHost(), settings.httpPort());
            ScheduledExecutorService jobs = startJobs(injector);
            LOG.info("tokendesk listening on http://{}:{} ({} database)", settings.httpHost(), server.port(),
                    database.dialect().name().toLowerCase(java.util.Locale.ROOT));
            return new Application(database, injector, server, jobs, nodeLock);
        } catch (RuntimeException e) {
            database.close();
            nodeLock.ifPresent(SqliteNodeLock::close);
            throw e;
        }
    }

    /**
     * The use cases without HTTP server and background jobs, for one command of the command line
     * ({@code operators create}, {@code import-legacy}, …); singletons are made when first asked for.
     */
    public static Injector commandLine(Settings settings, Database database) {
        MasterKey masterKey = settings.masterKey()
                .orElseGet(() -> new DataDirectory(settings.dataDir()).masterKey(new SecureRandomGenerator()));
        return Guice.createInjector(Stage.DEVELOPMENT, new CoreModule(settings, database, masterKey));
    }

    /** Opens the database and applies migrations (the {@code migrate} command stops here). */
    public static Database openAndMigrate(Settings settings) {
        if (settings.sqlite()) {
            new DataDirectory(settings.dataDir()).prepare();
        }
        return migrated(settings);
    }

    /** Opens and migrates a database whose data directory is ready. */
    private static Database migrated(Settings settings) {
        Database database = Database.open(settings.database());
        try {
            int applied = database.migrate();
            if (applied > 0) {
                LOG.info("applied {} database migration(s)", applied);
            }
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw new StartupException("cannot prepare the database " + settings.database() + ": "
                    + rootMessage(e) + "; check TOKENDESK_DB_URL, TOKENDESK_DB_USER and that the database is running");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void bootstrapAdmin(Settings settings, OperatorService operators) {
        String password = settings.bootstrapAdminPassword()
                .orElseGet(() -> Base62.fromRandom(new SecureRandomGenerator().randomBytes(24), 24));
        if (operators.bootstrap(settings.bootstrapAdminEmail(), password) && settings.bootstrapAdminPassword().isEmpty()) {
            Path file = new DataDirectory(settings.dataDir()).writeInitialPassword(password);
            // printed once, on purpose, to the console only (never to the log)
            System.out.println("\n  tokendesk created the platform admin " + settings.bootstrapAdminEmail()
                    + "\n  initial password: " + password + "\n  (also written to " + file.toAbsolutePath()
                    + ", readable by you only; change it after signing in)\n");
        }
    }

    private static ScheduledExecutorService startJobs(Injector injector) {
        // two threads: a long delivery loop must not hold up a scheduled reset that is due
        ScheduledExecutorService jobs = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "tokendesk-jobs");
            t.setDaemon(true);
            return t;
        });
        UsageRecorder usage = injector.getInstance(UsageRecorder.class);
        Transactions tx = injector.getInstance(Transactions.class);
        jobs.scheduleWithFixedDelay(() -> quietly("flush lastUsedAt", () -> usage.flush(tx)), 2, 2, TimeUnit.SECONDS);
        UseRecorders uses = injector.getInstance(UseRecorders.class);
        jobs.scheduleWithFixedDelay(() -> quietly("flush token uses", () -> uses.flush(tx)), 2, 2, TimeUnit.SECONDS);
        StaleUseReminders reminders = injector.getInstance(StaleUseReminders.class);
        long every = reminders.period().toMillis();
        jobs.scheduleWithFixedDelay(() -> quietly("stale-use reminders", reminders::runOnce), every, every,
                TimeUnit.MILLISECONDS);
        Clock clock = injector.getInstance(Clock.class);
        jobs.scheduleWithFixedDelay(() -> quietly("purge token uses",
                () -> SightingRecorder.purgeExpired(tx, clock.instant())), 1, 60, TimeUnit.MINUTES);
        OutboxDispatcher dispatcher = injector.getInstance(OutboxDispatcher.class);
        jobs.scheduleWithFixedDelay(() -> quietly("deliver notices", () -> {
            while (dispatcher.dispatchOnce() == OutboxDispatcher.BATCH) {
                Thread.onSpinWait();
            }
        }), 1, 500, TimeUnit.MILLISECONDS);
        ScheduledResetRunner scheduled = injector.getInstance(ScheduledResetRunner.class);
        long tick = scheduled.period().toMillis();
        jobs.scheduleWithFixedDelay(() -> quietly("scheduled resets", scheduled::runOnce), tick, tick,
                TimeUnit.MILLISECONDS);
        SessionService sessions = injector.getInstance(SessionService.class);
        jobs.scheduleWithFixedDelay(() -> quietly("purge sessions", sessions::purgeExpired), 1, 10, TimeUnit.MINUTES);
        return jobs;
    }

    private static void quietly(String what, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.warn("background job '{}' failed: {}", what, e.getMessage());
        }
    }

    public int port() {
        return server.port();
    }

    public Injector injector() {
        return injector;
    }

    public Javalin server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
        jobs.shutdownNow();
        injector.getInstance(CheckRefresher.class).close();
        try {
            injector.getInstance(UsageRecorder.class).flush(injector.getInstance(Transactions.class));
            injector.getInstance(UseRecorders.class).flush(injector.getInstance(Transactions.class));
        } catch (RuntimeException e) {
            LOG.warn("could not write the last usage times at shutdown: {}", e.getMessage());
        }
        injector.getInstance(NotifierRegistry.class).close();
        injector.getInstance(org.tokendesk.web.ops.Metrics.class).close();
        database.close();
        nodeLock.ifPresent(SqliteNodeLock::close);
    }
}
