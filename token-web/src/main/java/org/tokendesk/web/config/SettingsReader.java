package org.tokendesk.web.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tokendesk.domain.secret.MasterKey;
import org.tokendesk.domain.token.ApiVersions;
import org.tokendesk.domain.token.LegacyCutoff;
import org.tokendesk.persistence.DatabaseSettings;

/** Reads settings, collecting every problem instead of stopping at the first. */
final class SettingsReader {

    static final String DEFAULT_RETRY_DELAYS = "5s,5m,30m,2h,5h,10h,10h";

    /** Read by the built-in channels, not here; listed so that a config file may set them. */
    static final List<String> CHANNEL_SETTINGS = List.of("TOKENDESK_SMTP_HOST", "TOKENDESK_SMTP_PORT",
            "TOKENDESK_SMTP_USERNAME", "TOKENDESK_SMTP_PASSWORD", "TOKENDESK_SMTP_FROM", "TOKENDESK_SMTP_TLS",
            "TOKENDESK_WEBHOOK_ALLOW_PRIVATE_NETWORKS");

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();
    /** Every setting looked up, in order, with the default it falls back to (null: none). */
    private final Map<String, String> defaults = new java.util.LinkedHashMap<>();

    SettingsReader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The settings looked up by the last {@link #read()}, with their defaults (null: not set). */
    Map<String, String> defaults() {
        return java.util.Collections.unmodifiableMap(defaults);
    }

    /** The problems found by the last {@link #read()}. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Reads like {@link #read()}, but returns null instead of throwing when a setting is wrong. */
    Settings readQuietly() {
        try {
            return read();
        } catch (SettingsException e) {
            return null;
        }
    }

    Settings read() {
        String host = text("TOKENDESK_HTTP_HOST", "127.0.0.1");
        int port = integer("TOKENDESK_HTTP_PORT", 8080, 0, 65535);
        Path dataDir = Path.of(text("TOKENDESK_DATA_DIR", "./data"));
        String dbUrl = text("TOKENDESK_DB_URL", "jdbc:sqlite:" + dataDir.resolve("tokendesk.db"));
        if (!dbUrl.startsWith("jdbc:sqlite:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            problems.add("TOKENDESK_DB_URL must start with jdbc:sqlite: or jdbc:postgresql:");
        }
        int poolSize = integer("TOKENDESK_DB_POOL_SIZE", dbUrl.startsWith("jdbc:sqlite:") ? 8 : 16, 1, 200);
        var database = new DatabaseSettings(dbUrl, optional("TOKENDESK_DB_USER").orElse(null),
                optional("TOKENDESK_DB_PASSWORD").orElse(null), poolSize);
        URI publicUrl = parse("TOKENDESK_PUBLIC_URL", "http://" + hostForUrl(host) + ":" + port, this::uri);
        Optional<MasterKey> masterKey = optional("TOKENDESK_MASTER_KEY").flatMap(v -> {
            try {
                return Optional.of(MasterKey.fromBase64(v));
            } catch (IllegalArgumentException e) {
                problems.add("TOKENDESK_MASTER_KEY must be the base64 of 32 random bytes (make one with: "
                        + "openssl rand -base64 32); " + e.getMessage());
                return Optional.empty();
            }
        });
        int failureLimit = integer("TOKENDESK_CHECK_FAILURE_LIMIT", 60, 1, 1_000_000);
        ApiVersions apiVersions = apiVersions();
        LegacyCutoff cutoff = new LegacyCutoff(parse("TOKENDESK_LEGACY_CUTOFF",
                LegacyCutoff.DEFAULT.cutoff().toString(), Instant::parse));
        boolean redisplay = bool("TOKENDESK_TOKEN_REDISPLAY", true);
        String adminEmail = text("TOKENDESK_BOOTSTRAP_ADMIN_EMAIL", "admin@localhost");
        Optional<String> adminPassword = optional("TOKENDESK_BOOTSTRAP_ADMIN_PASSWORD");
        List<String> proxies = list("TOKENDESK_TRUSTED_PROXIES", "127.0.0.1,::1,0:0:0:0:0:0:0:1");
        Path plugins = Path.of(text("TOKENDESK_PLUGINS_DIR", "./plugins"));
        List<Duration> delays = parse("TOKENDESK_NOTIFY_RETRY_DELAYS", DEFAULT_RETRY_DELAYS, SettingsReader::durations);
        Duration checkCache = Duration.ofMillis(integer("TOKENDESK_CHECK_CACHE_MILLIS", 50, 0, 1000));
        Optional<Settings.TlsFiles> tls = tls();
        String logFormat = text(LogFormat.VARIABLE, LogFormat.TEXT.wireName());
        if (LogFormat.parse(logFormat).isEmpty()) {
            problems.add(LogFormat.VARIABLE + " must be text or json, not '" + logFormat + "'");
        }
        CHANNEL_SETTINGS.forEach(name -> defaults.putIfAbsent(name, null));
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return new Settings(host, port, dataDir, database, publicUrl, masterKey, failureLimit, apiVersions, cutoff,
                redisplay, adminEmail, adminPassword, proxies, plugins, delays, checkCache, tls, env);
    }

    private Optional<Settings.TlsFiles> tls() {
        Optional<String> cert = optional("TOKENDESK_TLS_CERT");
        Optional<String> key = optional("TOKENDESK_TLS_KEY");
        if (cert.isEmpty() && key.isEmpty()) {
            return Optional.empty();
        }
        if (cert.isEmpty() || key.isEmpty()) {
            problems.add("TOKENDESK_TLS_CERT and TOKENDESK_TLS_KEY go together: set both (PEM files) or neither");
            return Optional.empty();
        }
        for (String[] file : new String[][] {{"TOKENDESK_TLS_CERT", cert.get()}, {"TOKENDESK_TLS_KEY", key.get()}}) {
            if (!java.nio.file.Files.isReadable(Path.of(file[1]))) {
                problems.add(file[0] + " names a file that does not exist or cannot be read: " + file[1]);
            }
        }
        return Optional.of(new Settings.TlsFiles(Path.of(cert.get()), Path.of(key.get())));
    }

    private ApiVersions apiVersions() {
        List<String> versions = list("TOKENDESK_API_VERSIONS", String.join(",", ApiVersions.DEFAULT.available()));
        String fallback = versions.isEmpty() ? ApiVersions.DEFAULT.defaultVersion() : versions.get(versions.size() - 1);
        String defaultVersion = text("TOKENDESK_DEFAULT_API_VERSION",
                env.containsKey("TOKENDESK_API_VERSIONS") ? fallback : ApiVersions.DEFAULT.defaultVersion());
        try {
            return new ApiVersions(versions, defaultVersion);
        } catch (IllegalArgumentException e) {
            problems.add("TOKENDESK_API_VERSIONS / TOKENDESK_DEFAULT_API_VERSION: " + e.getMessage()
                    + " (the default must be one of the comma-separated list)");
            return ApiVersions.DEFAULT;
        }
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private Optional<String> optional(String name) {
        defaults.putIfAbsent(name, null);
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private String text(String name, String fallback) {
        defaults.put(name, fallback);
        return optional(name).orElse(fallback);
    }

    private List<String> list(String name, String fallback) {
        return Arrays.stream(text(name, fallback).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private int integer(String name, int fallback, int min, int max) {
        defaults.put(name, Integer.toString(fallback));
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a whole number from " + min + " to " + max + ", not '" + value.get() + "'");
        return fallback;
    }

    private boolean bool(String name, boolean fallback) {
        defaults.put(name, Boolean.toString(fallback));
        Optional<String> value = optional(name).map(v -> v.toLowerCase(Locale.ROOT));
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.get().equals("true") || value.get().equals("false")) {
            return Boolean.parseBoolean(value.get());
        }
        problems.add(name + " must be true or false, not '" + value.get() + "'");
        return fallback;
    }

    private <T> T parse(String name, String fallback, Function<String, T> parser) {
        String value = text(name, fallback);
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            problems.add(name + ": '" + value + "' " + e.getMessage());
            return parser.apply(fallback);
        }
    }

    private URI uri(String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("must be an http:// or https:// URL such as https://tokendesk.example.com");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an http:// or https:// URL such as https://tokendesk.example.com");
        }
    }

    /** {@code 5s,5m,2h} style or ISO-8601 ({@code PT5M}); the list's length is the number of retries. */
    static List<Duration> durations(String value) {
        List<Duration> out = new ArrayList<>();
        for (String part : value.split(",")) {
            out.add(duration(part.strip()));
        }
        return List.copyOf(out);
    }

    static Duration duration(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return nonNegative(Duration.parse(text.toUpperCase(Locale.ROOT)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            Duration d = switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException("x");
            };
            return nonNegative(d);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a list of durations such as 5s,5m,2h or PT5M");
        }
    }

    private static Duration nonNegative(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("negative");
        }
        return d;
    }
}
