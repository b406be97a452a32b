package org.tokendesk.web.app;

import com.google.inject.Injector;
import com.sun.management.HotSpotDiagnosticMXBean;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.tokendesk.domain.account.AccountService;
import org.tokendesk.domain.audit.AuditLogService;
import org.tokendesk.domain.integration.IntegrationService;
import org.tokendesk.domain.notice.Acknowledgements;
import org.tokendesk.domain.notice.NoticeService;
import org.tokendesk.domain.operator.ManagementKeyService;
import org.tokendesk.domain.operator.OperatorService;
import org.tokendesk.domain.operator.SessionService;
import org.tokendesk.domain.token.CredentialCheck;
import org.tokendesk.domain.token.LegacyTokenService;
import org.tokendesk.domain.token.ResetPreviews;
import org.tokendesk.domain.usage.UsageHistories;
import org.tokendesk.persistence.Database;
import org.tokendesk.web.account.AccountRoutes;
import org.tokendesk.web.check.CheckConnection;
import org.tokendesk.web.check.CheckFront;
import org.tokendesk.web.check.CheckResponder;
import org.tokendesk.web.check.CheckRoutes;
import org.tokendesk.web.config.Settings;
import org.tokendesk.web.health.HealthRoutes;
import org.tokendesk.web.http.AccountGate;
import org.tokendesk.web.http.Authenticator;
import org.tokendesk.web.http.BodyLimit;
import org.tokendesk.web.http.ClientAddress;
import org.tokendesk.web.http.Json;
import org.tokendesk.web.http.Problems;
import org.tokendesk.web.http.SecurityHeaders;
import org.tokendesk.web.integration.IntegrationRoutes;
import org.tokendesk.web.operator.OperatorRoutes;
import org.tokendesk.web.ops.Metrics;
import org.tokendesk.web.ops.OpsRoutes;
import org.tokendesk.web.ops.RequestTracing;
import org.tokendesk.web.token.LegacyTokenRoutes;
import org.tokendesk.web.ui.AcknowledgementPages;
import org.tokendesk.web.ui.UiRoutes;

/** Builds the Javalin server: every route group, declared at config time. */
final class WebServer {

    private WebServer() {
    }

    static Javalin create(Injector injector) {
        Authenticator auth = injector.getInstance(Authenticator.class);
        CredentialCheck credentialCheck = injector.getInstance(CredentialCheck.class);
        var checks = new CheckRoutes(credentialCheck, injector.getInstance(ClientAddress.class));
        var operators = new OperatorRoutes(injector.getInstance(SessionService.class),
                injector.getInstance(ManagementKeyService.class), injector.getInstance(OperatorService.class), auth);
        var accounts = new AccountRoutes(injector.getInstance(AccountService.class),
                injector.getInstance(AuditLogService.class), auth);
        Acknowledgements acknowledgements = injector.getInstance(Acknowledgements.class);
        var tokens = new LegacyTokenRoutes(injector.getInstance(LegacyTokenService.class),
                injector.getInstance(ResetPreviews.class), acknowledgements, auth);
        var integrations = new IntegrationRoutes(injector.getInstance(IntegrationService.class),
                injector.getInstance(NoticeService.class), acknowledgements, auth);
        var acknowledgementPages = new AcknowledgementPages(acknowledgements, injector.getInstance(ClientAddress.class));
        var health = new HealthRoutes(injector.getInstance(Database.class));
        Settings settings = injector.getInstance(Settings.class);
        var tracing = new RequestTracing(injector.getInstance(ClientAddress.class), injector.getInstance(Metrics.class));
        var checkResponder = new CheckResponder(credentialCheck::check, credentialCheck::checkInMemory,
                injector.getInstance(ClientAddress.class), tracing);
        var checkFront = new CheckFront(checkResponder);
        var ops = new OpsRoutes(injector.getInstance(Metrics.class), settings.publicUrl());
        var pages = new UiRoutes(auth, injector.getInstance(SessionService.class), injector.getInstance(AccountService.class),
                injector.getInstance(LegacyTokenService.class), injector.getInstance(ResetPreviews.class),
                injector.getInstance(UsageHistories.class), injector.getInstance(IntegrationService.class),
                injector.getInstance(NoticeService.class), injector.getInstance(AuditLogService.class), acknowledgements,
                "https".equals(settings.publicUrl().getScheme()), settings.tokenRedisplay());
        // a wrong certificate or key stops the start here, with its own message
        settings.tls().ifPresent(TlsConnector::keyStore);
        tellJettyTheReferenceSize();
        return Javalin.create(config -> {
            // platform threads (Jetty's QueuedThreadPool) on every JDK: with virtual threads Javalin
            // replaces Jetty's pool by a thread-per-task executor, selector included; on JDK 25 that
            // cost up to a sixth of the check's req/s in an A/B run, and never helped
            config.concurrency.useVirtualThreads = false;
            config.jetty.addConnector((server, http) -> {
                withoutHeaderCache(http);
                return settings.tls().isPresent() ? TlsConnector.create(server, http, settings, settings.tls().get())
                        : plainConnector(server, http, settings, checkResponder);
            });
            // the hot path: plain credential checks are answered in front of the servlet pipeline
            config.jetty.modifyServer(server -> insertFront(server, checkFront));
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            tracing.register(config); // first: the request id is on every log line of the request
            config.http.maxRequestSize = Json.MAX_BODY_BYTES;
            config.routes.before(BodyLimit::refuseOversized);
            config.routes.after(SecurityHeaders::apply);
            Problems.register(config.routes);
            new AccountGate(auth, injector.getInstance(AccountService.class)).register(config.routes);
            checks.register(config.routes);
            operators.register(config.routes);
            accounts.register(config.routes);
            tokens.register(config.routes);
            integrations.register(config.routes);
            pages.register(config.routes);
            acknowledgementPages.register(config.routes);
            health.register(config.routes);
            ops.register(config.routes);
        });
    }

    /**
     * One selector thread per core, where Jetty's default is one per two cores: the check front
     * answers most checks on the selector threads themselves ({@link CheckFront}), so they do the
     * work that pool threads did. On two cores, in one interleaved run, one selector held the check
     * at 0.87 of nginx's req/s, two at 1.10; the p99 ratio was 2.0 and 1.8 there, and other runs
     * put it between 2.0 and 2.7 for both.
     */
    static int selectors() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * No per-connection cache of request header fields. Jetty's default (1,024 characters) keeps a
     * character trie per connection and looks each header line up in it, byte by byte, before it
     * parses the line; on a check, whose Authorization line is 70 characters and more, that lookup
     * was a fifth of the selector threads' user-space CPU samples in a profile under load. The
     * tries cost memory too, one per open connection, whoever opens it: 192–204 MiB resident after
     * the benchmark's 50 connections with them, 155–159 without, in three interleaved runs (whose
     * req/s differed by less than their noise; CPU per check 34.0 against 33.4 µs in one of them).
     */
    static void withoutHeaderCache(HttpConfiguration http) {
        http.setHeaderCacheSize(0);
    }

    /** Jetty's system property: how many object references fill a cache line. */
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    /**
     * Jetty pads the slots of its queues by the number of object references per cache line. When
     * not told ({@value #REFERENCES_PER_CACHE_LINE}), it works that out by starting the JVM's
     * platform MBean server, which registers every platform MBean, to ask whether references are
     * compressed: about 80 ms of the main thread on each start of a node in a wall-clock profile,
     * for an MBean server that nothing else here uses. Asked directly (the HotSpot diagnostic
     * MXBean, without the server), the JVM answers the same in a sixth of that. In 10 alternating
     * first starts each, CPU used by the time the node was ready went from 3.51 to 3.31 s, start to
     * ready from 2.05 to 1.93 s (JDK 17, class data archive). Jetty's own way of counting is kept:
     * its cache line size (64 bytes unless {@code org.eclipse.jetty.util.cacheLineBytes} says
     * otherwise) divided by 4 bytes per compressed reference, else by 8. A value the operator set
     * is left as it is.
     */
    static void tellJettyTheReferenceSize() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, String.valueOf(referencesPerCacheLine(compressedReferences())));
        }
    }

    static int referencesPerCacheLine(boolean compressed) {
        int cacheLineBytes = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
        return cacheLineBytes / (compressed ? Integer.BYTES : Long.BYTES);
    }

    private static boolean compressedReferences() {
        return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("UseCompressedOops").getValue());
    }

    /**
     * Plain HTTP: each connection starts as a {@link CheckConnection}, which answers the plainest
     * credential checks itself and hands anything else to Jetty's HTTP/1.1 connection.
     */
    private static ServerConnector plainConnector(Server server, HttpConfiguration http, Settings settings,
            CheckResponder checks) {
        HttpConnectionFactory http11 = new HttpConnectionFactory(http);
        ServerConnector connector = new ServerConnector(server, -1, selectors(),
                new CheckConnection.Factory(http11, checks), http11);
        connector.setHost(settings.httpHost());
        connector.setPort(settings.httpPort());
        return connector;
    }

    /**
     * Inside Javalin's statistics handler when there is one (Jetty's graceful stop waits for the
     * requests it counts), else right under the server; Javalin attaches its servlet context below.
     */
    private static void insertFront(Server server, CheckFront front) {
        if (server.getHandler() instanceof Handler.Wrapper outer) {
            outer.insertHandler(front);
        } else {
            server.insertHandler(front);
        }
    }
}
