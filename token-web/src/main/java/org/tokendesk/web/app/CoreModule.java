package org.tokendesk.web.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.tokendesk.domain.account.AccountService;
import org.tokendesk.domain.audit.AuditLogService;
import org.tokendesk.domain.integration.Channels;
import org.tokendesk.domain.integration.IntegrationService;
import org.tokendesk.domain.notice.AcknowledgementTokens;
import org.tokendesk.domain.notice.Acknowledgements;
import org.tokendesk.domain.notice.NoticePlanner;
import org.tokendesk.domain.notice.NoticeService;
import org.tokendesk.domain.notice.OutboxDispatcher;
import org.tokendesk.domain.notice.RetrySchedule;
import org.tokendesk.domain.notice.StaleUseReminders;
import org.tokendesk.domain.operator.ManagementKeyService;
import org.tokendesk.domain.operator.OperatorService;
import org.tokendesk.domain.operator.PasswordHasher;
import org.tokendesk.domain.operator.PasswordPolicy;
import org.tokendesk.domain.operator.SessionService;
import org.tokendesk.domain.operator.SignInThrottle;
import org.tokendesk.domain.secret.AesGcmSecretCipher;
import org.tokendesk.domain.secret.AuthTokenHasher;
import org.tokendesk.domain.secret.HmacAuthTokenHasher;
import org.tokendesk.domain.secret.MasterKey;
import org.tokendesk.domain.secret.SecretCipher;
import org.tokendesk.domain.secret.SecretGenerator;
import org.tokendesk.domain.secret.SecureRandomGenerator;
import org.tokendesk.domain.token.CheckCache;
import org.tokendesk.domain.token.CheckFailureLimiter;
import org.tokendesk.domain.token.CredentialCheck;
import org.tokendesk.domain.token.LegacyTokenService;
import org.tokendesk.domain.token.ResetHook;
import org.tokendesk.domain.token.ResetPreviews;
import org.tokendesk.domain.token.ScheduledResetRunner;
import org.tokendesk.domain.token.TokenIssuer;
import org.tokendesk.domain.token.UsageRecorder;
import org.tokendesk.domain.tx.Transactions;
import org.tokendesk.domain.usage.UsageHistories;
import org.tokendesk.domain.usage.UseRecorders;
import org.tokendesk.persistence.Database;
import org.tokendesk.web.cli.Version;
import org.tokendesk.web.config.Settings;
import org.tokendesk.web.http.Authenticator;
import org.tokendesk.web.http.ClientAddress;
import org.tokendesk.web.notify.NotifierRegistry;
import org.tokendesk.web.operator.Argon2PasswordHasher;
import org.tokendesk.web.ops.CountingResetHook;
import org.tokendesk.web.ops.MeteredNotifierGateway;
import org.tokendesk.web.ops.Metrics;

/** Wires the domain's use cases to their ports. Everything is a singleton of one node. */
final class CoreModule extends AbstractModule {

    private final Settings settings;
    private final Database database;
    private final MasterKey masterKey;
    private final boolean onlyNode;

    CoreModule(Settings settings, Database database, MasterKey masterKey) {
        this(settings, database, masterKey, false);
    }

    /** @param onlyNode whether this node holds the SQLite node lock, so no other node shares its database */
    CoreModule(Settings settings, Database database, MasterKey masterKey, boolean onlyNode) {
        this.settings = settings;
        this.database = database;
        this.masterKey = masterKey;
        this.onlyNode = onlyNode;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().requireAtInjectOnConstructors();
        binder().disableCircularProxies();
        bind(Settings.class).toInstance(settings);
        bind(Database.class).toInstance(database);
    }

    @Provides
    @Singleton
    Clock clock() {
        // the database keeps milliseconds; a clock of the same precision keeps answers and rows equal
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Provides
    @Singleton
    SecretGenerator secretGenerator() {
        return new SecureRandomGenerator();
    }

    @Provides
    @Singleton
    Transactions transactions() {
        return database.transactions();
    }

    @Provides
    @Singleton
    SecretCipher cipher(SecretGenerator random) {
        return new AesGcmSecretCipher(masterKey, random);
    }

    @Provides
    @Singleton
    AuthTokenHasher hasher(SecretCipher cipher, SecretGenerator random) {
        return new HmacAuthTokenHasher(database.serverKey("token-pepper", 32, cipher, random));
    }

    @Provides
    @Singleton
    AcknowledgementTokens acknowledgementTokens(SecretCipher cipher, SecretGenerator random) {
        // its own key: the link of one purpose never verifies as another's
        return new AcknowledgementTokens(database.serverKey("acknowledgement-key", 32, cipher, random));
    }

    @Provides
    @Singleton
    Acknowledgements acknowledgements(Transactions tx, AcknowledgementTokens tokens, Clock clock) {
        return new Acknowledgements(tx, tokens, clock);
    }

    @Provides
    @Singleton
    TokenIssuer issuer(SecretGenerator random, AuthTokenHasher hasher, SecretCipher cipher) {
        return new TokenIssuer(random, hasher, cipher, settings.tokenRedisplay());
    }

    @Provides
    @Singleton
    UsageRecorder usage() {
        return new UsageRecorder();
    }

    @Provides
    @Singleton
    UseRecorders useRecorders() {
        return UseRecorders.bounded();
    }

    @Provides
    @Singleton
    CheckCache checkCache() {
        return new CheckCache(settings.checkCacheLifetime(), System::nanoTime, onlyNode);
    }

    @Provides
    @Singleton
    CheckRefresher checkRefresher() {
        return new CheckRefresher();
    }

    @Provides
    @Singleton
    CredentialCheck credentialCheck(Transactions tx, AuthTokenHasher hasher, UsageRecorder usage, Clock clock,
            CheckCache cache, UseRecorders uses, CheckRefresher refresher) {
        return new CredentialCheck(tx, hasher, new CheckFailureLimiter(settings.checkFailureLimit()), usage, clock, cache,
                uses.valid(), uses.stale(), refresher);
    }

    @Provides
    @Singleton
    NotifierRegistry notifiers() {
        return NotifierRegistry.load(settings.pluginsDir(), settings.raw(), settings.publicUrl(), Version.current(), 16,
                Duration.ofSeconds(30));
    }

    @Provides
    @Singleton
    Supplier<Channels> channels(NotifierRegistry registry) {
        return () -> new Channels(registry.channels());
    }

    @Provides
    @Singleton
    Metrics metrics(Clock clock, Transactions tx, UseRecorders uses) {
        Metrics metrics = new Metrics(clock, Version.current());
        metrics.bindDatabase(database, tx);
        metrics.bindUseRecorders(uses);
        return metrics;
    }

    @Provides
    @Singleton
    ResetHook resetHook(Clock clock, Supplier<Channels> channels, Metrics metrics) {
        return new CountingResetHook(new NoticePlanner(clock, channels), metrics);
    }

    @Provides
    @Singleton
    IntegrationService integrations(Transactions tx, SecretCipher cipher, SecretGenerator random, Clock clock,
            Supplier<Channels> channels) {
        return new IntegrationService(tx, cipher, random, clock, channels);
    }

    @Provides
    @Singleton
    StaleUseReminders staleUseReminders(Transactions tx, Clock clock, Supplier<Channels> channels) {
        return new StaleUseReminders(tx, clock, channels, StaleUseReminders.DEFAULT_PERIOD);
    }

    @Provides
    @Singleton
    ScheduledResetRunner scheduledResetRunner(LegacyTokenService tokens) {
        return new ScheduledResetRunner(tokens, ScheduledResetRunner.DEFAULT_PERIOD);
    }

    @Provides
    @Singleton
    UsageHistories usageHistories(Transactions tx, Clock clock) {
        return new UsageHistories(tx, clock);
    }

    @Provides
    @Singleton
    ResetPreviews resetPreviews(Transactions tx, IntegrationService integrations, Clock clock) {
        return new ResetPreviews(tx, integrations, clock);
    }

    @Provides
    @Singleton
    NoticeService notices(Transactions tx, Clock clock) {
        return new NoticeService(tx, clock);
    }

    @Provides
    @Singleton
    OutboxDispatcher dispatcher(Transactions tx, NotifierRegistry registry, IntegrationService integrations, Clock clock,
            SecretGenerator random, Metrics metrics, AcknowledgementTokens acknowledgementTokens) {
        var schedule = new RetrySchedule(settings.notifyRetryDelays(), java.util.concurrent.ThreadLocalRandom.current()::nextDouble);
        String owner = "node-" + ProcessHandle.current().pid() + "-" + java.util.HexFormat.of().formatHex(random.randomBytes(4));
        return new OutboxDispatcher(tx, new MeteredNotifierGateway(registry, metrics), schedule, integrations,
                this::credentialsUrl, ackId -> acknowledgeUrl(acknowledgementTokens, ackId), clock, owner,
                Duration.ofSeconds(45), OutboxDispatcher.BATCH);
    }

    /** Where an operator of the account finds the new token (the API credentials page). */
    java.net.URI credentialsUrl(org.tokendesk.domain.account.AccountSid sid) {
        return java.net.URI.create(settings.publicUrl() + "/accounts/" + sid.value() + "/legacy-token/credentials");
    }

    /** The owner's single-use confirmation link; a credential, rebuilt on every attempt and never logged. */
    java.net.URI acknowledgeUrl(AcknowledgementTokens tokens, String ackId) {
        return java.net.URI.create(settings.publicUrl() + "/ack/" + tokens.tokenFor(ackId));
    }

    @Provides
    @Singleton
    LegacyTokenService legacyTokens(Transactions tx, TokenIssuer issuer, Clock clock, ResetHook hook, CheckCache cache) {
        return new LegacyTokenService(tx, issuer, settings.apiVersions(), clock, hook, cache);
    }

    @Provides
    @Singleton
    AccountService accounts(Transactions tx, SecretGenerator random, Clock clock) {
        return new AccountService(tx, random, clock);
    }

    @Provides
    @Singleton
    AuditLogService auditLog(Transactions tx) {
        return new AuditLogService(tx);
    }

    @Provides
    @Singleton
    PasswordHasher passwordHasher() {
        return new Argon2PasswordHasher();
    }

    @Provides
    @Singleton
    PasswordPolicy passwordPolicy() {
        return new PasswordPolicy(commonPasswords());
    }

    @Provides
    @Singleton
    OperatorService operators(Transactions tx, PasswordHasher passwords, PasswordPolicy policy, Clock clock) {
        return new OperatorService(tx, passwords, policy, clock);
    }

    @Provides
    @Singleton
    SessionService sessions(Transactions tx, PasswordHasher passwords, AuthTokenHasher hasher, SecretGenerator random,
            Clock clock) {
        return new SessionService(tx, passwords, hasher, random, SignInThrottle.standard(), clock,
                SessionService.SessionLifetime.DEFAULT);
    }

    @Provides
    @Singleton
    ManagementKeyService keys(Transactions tx, AuthTokenHasher hasher, SecretGenerator random, Clock clock) {
        return new ManagementKeyService(tx, hasher, random, clock);
    }

    @Provides
    @Singleton
    ClientAddress clientAddress() {
        return new ClientAddress(settings.trustedProxies());
    }

    @Provides
    @Singleton
    Authenticator authenticator(SessionService sessions, ManagementKeyService keys, ClientAddress address) {
        return new Authenticator(sessions, keys, address, "https".equals(settings.publicUrl().getScheme()));
    }

    static Set<String> commonPasswords() {
        try (InputStream in = CoreModule.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the application");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
