package org.tokendesk.domain.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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

    private final Transactions tx;
    private final AuthTokenHasher hasher;
    private final CheckFailureLimiter limiter;
    private final UsageRecorder usage;
    private final Clock clock;
    private final CheckCache cache;
    private final SightingRecorder validUses;
    private final SightingRecorder staleUses;

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
     * @param validUses counts passing checks per client (the usage chart, recent clients)
     * @param staleUses records checks with reset tokens (old-token sightings)
     */
    public CredentialCheck(Transactions tx, AuthTokenHasher hasher, CheckFailureLimiter limiter, UsageRecorder usage,
            Clock clock, CheckCache cache, SightingRecorder validUses, SightingRecorder staleUses) {
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
        String clientAddress = client.address();
        Instant now = clock.instant();
        String addressKey = "ip:" + clientAddress;
        Optional<Duration> addressBlocked = limiter.blockedFor(addressKey, now);
        if (addressBlocked.isPresent()) {
            return new CheckResult.Limited(addressBlocked.get());
        }
        Optional<AccountSid> sid = AccountSid.parse(accountSid);
        if (sid.isEmpty() || authToken == null || authToken.isEmpty()) {
            limiter.recordFailure(addressKey, now);
            return new CheckResult.Invalid();
        }
        TokenHash hash = hasher.hash(authToken);
        Optional<ActiveCredential> active = cache.get(hash);
        if (active.isEmpty()) {
            long readStarted = cache.readStarted();
            active = tx.read(s -> s.tokens().findActive(hash));
            active.ifPresent(credential -> cache.put(hash, credential, readStarted));
        }
        if (active.isPresent() && active.get().accountSid().equals(sid.get())) {
            ActiveCredential credential = active.get();
            if (!credential.scope().permits(method)) {
                return new CheckResult.ForbiddenMethod(credential);
            }
            TokenKey key = new TokenKey(credential.accountSid(), credential.scope());
            usage.record(key, now);
            validUses.record(key, client, now);
            return new CheckResult.Valid(credential);
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
            return credential.scope().permits(method) ? new CheckResult.Valid(credential)
                    : new CheckResult.ForbiddenMethod(credential);
        }
        String sidKey = "sid:" + sid.get().value();
        Optional<Duration> sidBlocked = limiter.blockedFor(sidKey, now);
        limiter.recordFailure(addressKey, now);
        limiter.recordFailure(sidKey, now);
        if (sidBlocked.isPresent()) {
            return new CheckResult.Limited(sidBlocked.get());
        }
        return former.<CheckResult>map(f -> new CheckResult.Reset(f.resetAt())).orElseGet(CheckResult.Invalid::new);
    }
}
