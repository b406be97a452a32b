package org.tokendesk.web.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tokendesk.domain.secret.MasterKey;
import org.tokendesk.domain.token.ApiVersions;
import org.tokendesk.domain.token.LegacyCutoff;
import org.tokendesk.persistence.DatabaseSettings;

/**
 * The validated settings of one node, read once at start and frozen. See the README's settings
 * table; every variable is named {@code TOKENDESK_*}.
 *
 * @param httpHost address to listen on
 * @param httpPort port to listen on (0 = any free port)
 * @param dataDir data directory (SQLite database, key file, initial password)
 * @param database database connection
 * @param publicUrl the URL operators and owners use to reach tokendesk
 * @param masterKey the master key from the environment, if given (else the key file)
 * @param checkFailureLimit failed checks per minute per client address and per Account SID
 * @param apiVersions the API versions tokens may be bound to
 * @param legacyCutoff the legacy cutoff
 * @param tokenRedisplay whether tokens may be shown again after creation
 * @param bootstrapAdminEmail email of the first platform admin
 * @param bootstrapAdminPassword its password, if given (else a random one)
 * @param trustedProxies peer addresses whose X-Forwarded-For / X-Real-IP are believed
 * @param pluginsDir where notifier plugin jars are found
 * @param notifyRetryDelays the retry schedule of deliveries
 * @param checkCacheLifetime how long a node trusts a cached "token is current"; resets wait it out
 * @param tls certificate and key for direct TLS, when both are set
 * @param raw the raw variables, for notifier settings namespaces
 */
public record Settings(String httpHost, int httpPort, Path dataDir, DatabaseSettings database, URI publicUrl,
        Optional<MasterKey> masterKey, int checkFailureLimit, ApiVersions apiVersions, LegacyCutoff legacyCutoff,
        boolean tokenRedisplay, String bootstrapAdminEmail, Optional<String> bootstrapAdminPassword,
        List<String> trustedProxies, Path pluginsDir, List<Duration> notifyRetryDelays, Duration checkCacheLifetime,
        Optional<TlsFiles> tls, Map<String, String> raw) {

    /**
     * Direct TLS: PEM files of the certificate chain and of its PKCS#8 private key.
     *
     * @param certificate {@code TOKENDESK_TLS_CERT}
     * @param privateKey {@code TOKENDESK_TLS_KEY}
     */
    public record TlsFiles(Path certificate, Path privateKey) {
    }

    /** Reads and validates the process environment (and the file {@code TOKENDESK_CONFIG} names, if any). */
    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * Reads and validates the given variables, and the config file {@code TOKENDESK_CONFIG} names
     * among them, if any; throws one exception listing every problem.
     */
    public static Settings from(Map<String, String> env) {
        return SettingsLoader.load(SettingsLoader.configFile(null, env), env);
    }

    /** How log lines look ({@code TOKENDESK_LOG_FORMAT}); validated with the rest. */
    public LogFormat logFormat() {
        return LogFormat.parse(raw.get(LogFormat.VARIABLE)).orElse(LogFormat.TEXT);
    }

    public boolean sqlite() {
        return database.jdbcUrl().startsWith("jdbc:sqlite:");
    }

    @Override
    public String toString() {
        return "Settings[http=" + httpHost + ":" + httpPort + ", dataDir=" + dataDir + ", database=" + database
                + ", publicUrl=" + publicUrl + ", masterKey=" + (masterKey.isPresent() ? "masked" : "key file")
                + ", checkFailureLimit=" + checkFailureLimit + ", apiVersions=" + apiVersions
                + ", tokenRedisplay=" + tokenRedisplay + ", pluginsDir=" + pluginsDir + "]";
    }
}
