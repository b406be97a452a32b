package org.tokendesk.web.notify;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tokendesk.domain.notice.NotifierGateway;
import org.tokendesk.notifier.spi.DeliveryOutcome;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.Notifier;
import org.tokendesk.notifier.spi.NotifierProvider;
import org.tokendesk.notifier.spi.NotifierSpi;
import org.tokendesk.notifier.spi.Recipient;

/**
 * The loaded notifiers: the built-in channels found on the application's module or class path,
 * and every jar in the plugins directory, each in its own class loader that shares only the SPI.
 * Each provider is instantiated on its own, so a broken plugin is logged and skipped and never
 * hides the others. Calls run on a bounded pool with a timeout.
 */
public final class NotifierRegistry implements NotifierGateway, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierRegistry.class);
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private final Map<String, Notifier> notifiers;
    private final List<URLClassLoader> loaders;
    private final ThreadPoolExecutor pool;
    private final Duration timeout;

    private NotifierRegistry(Map<String, Notifier> notifiers, List<URLClassLoader> loaders, int threads, Duration timeout) {
        this.notifiers = Map.copyOf(notifiers);
        this.loaders = List.copyOf(loaders);
        this.timeout = timeout;
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "tokendesk-notifier");
            t.setDaemon(true);
            return t;
        });
        this.pool.allowCoreThreadTimeOut(true);
    }

    public static NotifierRegistry load(Path pluginsDir, Map<String, String> env, URI publicUrl, String hostVersion,
            int threads, Duration timeout) {
        Map<String, Notifier> notifiers = new LinkedHashMap<>();
        ServiceLoader.load(NotifierProvider.class).stream()
                .forEach(p -> instantiate(p, "built-in", notifiers, env, publicUrl, hostVersion));
        List<URLClassLoader> loaders = new ArrayList<>();
        for (Path jar : pluginJars(pluginsDir)) {
            URLClassLoader loader;
            try {
                loader = new URLClassLoader("plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()},
                        new SpiOnlyClassLoader());
            } catch (MalformedURLException e) {
                LOG.warn("notifier plugin {} skipped: not a loadable path", jar);
                continue;
            }
            loaders.add(loader);
            try {
                ServiceLoader.load(NotifierProvider.class, loader).stream()
                        .filter(p -> p.type().getClassLoader() == loader)
                        .forEach(p -> instantiate(p, jar.getFileName().toString(), notifiers, env, publicUrl, hostVersion));
            } catch (java.util.ServiceConfigurationError | LinkageError e) {
                LOG.warn("notifier plugin {} skipped: {}", jar.getFileName(), e.getClass().getSimpleName());
            }
        }
        LOG.info("notifier channels: {}", notifiers.isEmpty() ? "none" : String.join(", ", notifiers.keySet()));
        return new NotifierRegistry(notifiers, loaders, threads, timeout);
    }

    private static List<Path> pluginJars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            LOG.warn("cannot list the plugins directory {}: {}", dir, e.getMessage());
            return List.of();
        }
    }

    private static void instantiate(ServiceLoader.Provider<NotifierProvider> candidate, String source,
            Map<String, Notifier> notifiers, Map<String, String> env, URI publicUrl, String hostVersion) {
        String name = candidate.type().getName();
        try {
            NotifierProvider provider = candidate.get();
            String id = provider.id();
            if (id == null || !ID.matcher(id).matches()) {
                LOG.warn("notifier {} from {} skipped: its id must match [a-z][a-z0-9_]{{0,31}}", name, source);
                return;
            }
            if (!NotifierSpi.isCompatible(provider.spiVersion())) {
                LOG.warn("notifier '{}' from {} skipped: built for notifier SPI version {}, this host supports {} to {}",
                        id, source, provider.spiVersion(), NotifierSpi.OLDEST_SUPPORTED_VERSION, NotifierSpi.VERSION);
                return;
            }
            if (notifiers.containsKey(id)) {
                LOG.warn("notifier '{}' from {} skipped: a channel with that id is already loaded", id, source);
                return;
            }
            PluginSettings settings = new PluginSettings(id, env, publicUrl, hostVersion);
            if (!provider.isEnabled(settings)) {
                LOG.info("notifier '{}' is not configured; channel off", id);
                return;
            }
            Notifier created = withContextLoader(candidate.type().getClassLoader(), () -> provider.create(settings));
            notifiers.put(id, new ContextLoaderNotifier(created, candidate.type().getClassLoader()));
            LOG.info("notifier '{}' loaded from {}", id, source);
        } catch (org.tokendesk.notifier.spi.NotifierConfigurationException e) {
            LOG.warn("notifier {} from {} skipped: {}", name, source, e.getMessage());
        } catch (RuntimeException | LinkageError | java.util.ServiceConfigurationError e) {
            LOG.warn("notifier {} from {} skipped: it failed to start ({})", name, source, e.getClass().getSimpleName());
        }
    }

    static <T> T withContextLoader(ClassLoader loader, java.util.function.Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Runs a plugin's calls with its own class loader as the thread's context class loader. */
    private record ContextLoaderNotifier(Notifier notifier, ClassLoader loader) implements Notifier {

        @Override
        public DeliveryOutcome deliver(Notice notice, Recipient recipient) {
            return withContextLoader(loader, () -> notifier.deliver(notice, recipient));
        }

        @Override
        public void close() {
            withContextLoader(loader, () -> {
                notifier.close();
                return null;
            });
        }
    }

    @Override
    public Set<String> channels() {
        return notifiers.keySet();
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(String channel, Notice notice, Recipient recipient) {
        Notifier notifier = notifiers.get(channel);
        if (notifier == null) {
            return CompletableFuture.completedFuture(DeliveryOutcome.retryLater("channel '" + channel + "' is not loaded"));
        }
        try {
            return CompletableFuture.supplyAsync(() -> nonNull(notifier.deliver(notice, recipient)), pool)
                    .completeOnTimeout(DeliveryOutcome.retryLater("the notifier did not answer within " + timeout.toSeconds()
                            + " s"), timeout.toMillis(), TimeUnit.MILLISECONDS)
                    // the plugin's message could hold anything; only its kind is recorded
                    .exceptionally(e -> DeliveryOutcome.retryLater("the notifier failed: "
                            + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName()));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(DeliveryOutcome.retryLater("too many deliveries in flight"));
        }
    }

    private static DeliveryOutcome nonNull(DeliveryOutcome outcome) {
        return outcome == null ? DeliveryOutcome.retryLater("the notifier returned no outcome") : outcome;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        notifiers.values().forEach(n -> {
            try {
                n.close();
            } catch (RuntimeException e) {
                LOG.warn("a notifier failed to close: {}", e.getClass().getSimpleName());
            }
        });
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.debug("closing a plugin class loader failed", e);
            }
        }
    }
}
