package org.tokendesk.domain.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.secret.AuthTokenHasher;
import org.tokendesk.domain.secret.TokenHash;
import org.tokendesk.domain.tx.Transactions;
import org.tokendesk.domain.usage.ClientInfo;
import org.tokendesk.domain.usage.SightingRecorder;
import org.tokendesk.domain.usage.UseKind;

/**
 * Answers whether a presented credential is valid: the hot path behind {@code /v1/auth/check}
 * and {@code /v1/verify}. Fails closed: a database error propagates, it never becomes "valid".
 */
public final class CredentialCheck {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialCheck.class);

    private final Transactions tx;
    private final AuthTokenHasher hasher;
    private final CheckFailureLimiter limiter;
    private final UsageRecorder usage;
    private final Clock clock;
    private final CheckCache cache;
    private final SightingRecorder validUses;
    private final SightingRecorder staleUses;
    private final Executor refresher;

    public CredentialCheck(Transactions tx, AuthTokenHasher hasher, CheckFailureLimiter limiter, UsageRecorder usage,
            Clock clock) {
        this(tx, hasher, limiter, usage, clock, CheckCache.disabled());
    }

    public CredentialCheck(Transactions tx, AuthTokenHasher hasher, CheckFailureLimiter limiter, UsageRecorder usage,
            Clock clock, CheckCache cache) {
        this(tx, hasher, limiter, usage, clock, cache, new SightingRecorder(UseKind.VALID, 0),
                new SightingRecorder(UseKind.STALE, 0));
    }

    /**
     * A check whose cache refreshes run on the checking thread (tests, benchmarks); a node gives
     * them a thread of their own with the constructor below.
     *
     * @param validUses counts passing checks per client (the usage chart, recent clients)
     * @param staleUses records checks with reset tokens (old-token sightings)
     */
    public CredentialCheck(Transactions tx, AuthTokenHasher hasher, CheckFailureLimiter limiter, UsageRecorder usage,
            Clock clock, CheckCache cache, SightingRecorder validUses, SightingRecorder staleUses) {
        this(tx, hasher, limiter, usage, clock, cache, validUses, staleUses, Runnable::run);
    }

    /**
     * @param validUses counts passing checks per client (the usage chart, recent clients)
     * @param staleUses records checks with reset tokens (old-token sightings)
     * @param refresher runs the reads that refresh cache entries ({@link CheckCache#getClaimingRefresh}), so
     *     the check that claims one need not wait for it; it may refuse work, the entry then expires
     */
    public CredentialCheck(Transactions tx, AuthTokenHasher hasher, CheckFailureLimiter limiter, UsageRecorder usage,
            Clock clock, CheckCache cache, SightingRecorder validUses, SightingRecorder staleUses, Executor refresher) {
        this.refresher = refresher;
        this.validUses = validUses;
        this.staleUses = staleUses;
        this.tx = tx;
        this.hasher = hasher;
        this.limiter = limiter;
        this.usage = usage;
        this.clock = clock;
        this.cache = cache;
    }

    /**
     * @param accountSid the presented SID, unchecked
     * @param authToken the presented token, unchecked
     * @param method the HTTP method being authorized
     * @param clientAddress the client, for the failure limit
     */
    public CheckResult check(String accountSid, String authToken, String method, String clientAddress) {
        return check(accountSid, authToken, method, ClientInfo.of(clientAddress));
    }

    /**
     * @param accountSid the presented SID, unchecked
     * @param authToken the presented token, unchecked
     * @param method the HTTP method being authorized
     * @param client the client: its address for the failure limit, all of it for usage and sightings
     */
    public CheckResult check(String accountSid, String authToken, String method, ClientInfo client) {
        return decide(accountSid, authToken, method, client, true).orElseThrow();
    }

    /**
     * The answer {@link #check} would give, when this node can give it from memory alone: a
     * cached current token, a malformed or missing credential, a blocked client. Otherwise empty,
     * with nothing recorded, and the caller asks {@link #check} where it may wait for the
     * database. For callers that must never block: the HTTP front answers checks on Jetty's
     * selector threads with it.
     *
     * @param accountSid the presented SID, unchecked
     * @param authToken the presented token, unchecked
     * @param method the HTTP method being authorized
     * @param client the client: its address for the failure limit, all of it for usage and sightings
     */
    public Optional<CheckResult> checkInMemory(String accountSid, String authToken, String method, ClientInfo client) {
        return decide(accountSid, authToken, method, client, false);
    }

    /** @param mayRead whether the database may be read; if not, empty where a read would be needed */
    private Optional<CheckResult> decide(String accountSid, String authToken, String method, ClientInfo client,
            boolean mayRead) {
        String clientAddress = client.address();
        Instant now = clock.instant();
        String addressKey = "ip:" + clientAddress;
        Optional<Duration> addressBlocked = limiter.blockedFor(addressKey, now);
        if (addressBlocked.isPresent()) {
            return Optional.of(new CheckResult.Limited(addressBlocked.get()));
        }
        Optional<AccountSid> sid = AccountSid.parse(accountSid);
        if (sid.isEmpty() || authToken == null || authToken.isEmpty()) {
            limiter.recordFailure(addressKey, now);
            return Optional.of(new CheckResult.Invalid());
        }
        TokenHash hash = hasher.hash(authToken);
        Optional<CheckCache.Hit> hit = cache.getClaimingRefresh(hash);
        if (hit.isPresent() && hit.get().refreshClaimed()) {
            refreshLater(hash);
        }
        Optional<ActiveCredential> active = hit.map(CheckCache.Hit::credential);
        boolean current = active.isPresent() && active.get().accountSid().equals(sid.get());
        if (!current && !mayRead) {
            return Optional.empty();
        }
        if (active.isEmpty()) {
            long readStarted = cache.readStarted();
            active = tx.read(s -> s.tokens().findActive(hash));
            active.ifPresent(credential -> cache.put(hash, credential, readStarted));
        }
        if (active.isPresent() && active.get().accountSid().equals(sid.get())) {
            ActiveCredential credential = active.get();
            if (!credential.scope().permits(method)) {
                return Optional.of(new CheckResult.ForbiddenMethod(credential));
            }
            TokenKey key = new TokenKey(credential.accountSid(), credential.scope());
            usage.record(key, now);
            validUses.record(key, client, now);
            return Optional.of(new CheckResult.Valid(credential));
        }
        // before the failure limiter: a token in its grace period is no failed attempt
        Optional<FormerToken> former = tx.read(s -> s.tokens().findFormer(sid.get(), hash));
        // a sighting, also while a grace period lets it pass: its owner has not switched yet
        former.ifPresent(f -> staleUses.record(new TokenKey(f.accountSid(), f.scope()), client, now));
        // the clock read after the database read: no check passes once the grace end has come.
        // Never cached, so ending a grace period needs no cache entry to expire.
        if (former.isPresent() && former.get().inGraceAt(clock.instant())) {
            ActiveCredential credential = former.get().credential();
            // last use is not recorded: it belongs to the scope's current token
            return Optional.of(credential.scope().permits(method) ? new CheckResult.Valid(credential)
                    : new CheckResult.ForbiddenMethod(credential));
        }
        String sidKey = "sid:" + sid.get().value();
        Optional<Duration> sidBlocked = limiter.blockedFor(sidKey, now);
        limiter.recordFailure(addressKey, now);
        limiter.recordFailure(sidKey, now);
        if (sidBlocked.isPresent()) {
            return Optional.of(new CheckResult.Limited(sidBlocked.get()));
        }
        return Optional.of(former.<CheckResult>map(f -> new CheckResult.Reset(f.resetAt()))
                .orElseGet(CheckResult.Invalid::new));
    }

    private void refreshLater(TokenHash hash) {
        try {
            refresher.execute(() -> {
                long readStarted = cache.readStarted();
                try {
                    cache.refreshed(hash, tx.read(st -> st.tokens().findActive(hash)), readStarted);
                } catch (RuntimeException e) {
                    // the entry expires as it would have; the check after it reads for itself and fails closed
                    LOG.debug("could not refresh a check cache entry: {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("check cache refresh refused: {}", e.getMessage());
        }
    }
}
