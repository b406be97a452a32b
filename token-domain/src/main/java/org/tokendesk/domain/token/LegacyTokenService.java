package org.tokendesk.domain.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tokendesk.domain.account.AccountAccess;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditTrail;
import org.tokendesk.domain.common.ConflictException;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.secret.Secret;
import org.tokendesk.domain.tx.Stores;
import org.tokendesk.domain.tx.Transactions;
import org.tokendesk.domain.usage.StaleUse;

/** The legacy token card's use cases: enable, show, change API version, reveal, reset (now or scheduled). */
public final class LegacyTokenService {

    /** The longest grace period an old token may get. */
    public static final Duration MAX_GRACE = Duration.ofDays(7);

    /** How far ahead a reset may be scheduled. */
    public static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(90);

    private final Transactions tx;
    private final TokenIssuer issuer;
    private final ApiVersions apiVersions;
    private final Clock clock;
    private final AuditTrail audit;
    private final ResetHook resetHook;
    private final CheckCache checkCache;

    public LegacyTokenService(Transactions tx, TokenIssuer issuer, ApiVersions apiVersions, Clock clock,
            ResetHook resetHook) {
        this(tx, issuer, apiVersions, clock, resetHook, CheckCache.disabled());
    }

    public LegacyTokenService(Transactions tx, TokenIssuer issuer, ApiVersions apiVersions, Clock clock,
            ResetHook resetHook, CheckCache checkCache) {
        this.checkCache = checkCache;
        this.tx = tx;
        this.issuer = issuer;
        this.apiVersions = apiVersions;
        this.clock = clock;
        this.audit = new AuditTrail(clock);
        this.resetHook = resetHook;
    }

    public EnabledTokens enable(Actor actor, AccountSid sid, RequestOrigin origin) {
        return tx.write(s -> {
            AccountAccess.requireAdmin(s.accounts(), actor, sid);
            if (s.tokens().findCard(sid).isPresent()) {
                throw new ConflictException("legacy tokens are already enabled for this account");
            }
            Instant now = clock.instant();
            CardRecord card = new CardRecord(sid, apiVersions.defaultVersion(), true, now);
            s.tokens().insertCard(card);
            TokenIssuer.Issued rw = insert(s, sid, TokenScope.READ_WRITE, now);
            TokenIssuer.Issued ro = insert(s, sid, TokenScope.READ_ONLY, now);
            audit.record(s.audit(), actor, origin, AuditAction.LEGACY_TOKEN_ENABLED, sid,
                    Map.of("apiVersion", card.apiVersion()));
            return new EnabledTokens(cardOf(s, sid), rw.token(), ro.token());
        });
    }

    private TokenIssuer.Issued insert(Stores s, AccountSid sid, TokenScope scope, Instant now) {
        TokenIssuer.Issued issued = issuer.issue(sid, scope);
        s.tokens().insertToken(new StoredToken(sid, scope, issued.hash(), issued.ciphertext(), issued.hint(), now,
                null, null));
        return issued;
    }

    /** Whether tokens can be shown again after creation (otherwise only once, at enable and reset). */
    public boolean redisplay() {
        return issuer.redisplay();
    }

    public LegacyTokenCard card(Actor actor, AccountSid sid) {
        return tx.read(s -> {
            AccountAccess.requireMember(s.accounts(), actor, sid);
            return cardOf(s, sid);
        });
    }

    public LegacyTokenCard changeApiVersion(Actor actor, AccountSid sid, String apiVersion, RequestOrigin origin) {
        return tx.write(s -> {
            AccountAccess.requireAdmin(s.accounts(), actor, sid);
            CardRecord card = requireCard(s, sid);
            apiVersions.requireAvailable(apiVersion);
            if (!card.apiVersion().equals(apiVersion)) {
                s.tokens().updateApiVersion(sid, apiVersion);
                audit.record(s.audit(), actor, origin, AuditAction.LEGACY_TOKEN_API_VERSION_CHANGED, sid,
                        Map.of("from", card.apiVersion(), "to", apiVersion));
            }
            return cardOf(s, sid);
        });
    }

    public Credentials reveal(Actor actor, AccountSid sid, RequestOrigin origin) {
        return tx.write(s -> {
            AccountAccess.requireAdmin(s.accounts(), actor, sid);
            requireCard(s, sid);
            if (!issuer.redisplay()) {
                throw new ConflictException("re-display of tokens is turned off; a token is shown only at creation or reset");
            }
            var tokens = s.tokens().tokens(sid);
            String rw = null;
            String ro = null;
            for (StoredToken token : tokens) {
                if (token.ciphertext() == null) {
                    throw new ConflictException("the " + token.scope().wireName()
                            + " token was created while re-display was off; reset it to see a new one");
                }
                if (token.scope() == TokenScope.READ_WRITE) {
                    rw = issuer.reveal(token);
                } else {
                    ro = issuer.reveal(token);
                }
            }
            audit.record(s.audit(), actor, origin, AuditAction.LEGACY_TOKEN_REVEALED, sid, Map.of());
            return new Credentials(sid, new Secret(rw),
                    new Secret(ro));
        });
    }

    /**
     * Replaces one scope's token. In one transaction: lock the row, new secret, history row for the
     * old token, audit event, notices. The old token fails every check from the commit on.
     */
    public ResetResult reset(Actor actor, AccountSid sid, TokenScope scope, RequestOrigin origin) {
        return reset(actor, sid, scope, Duration.ZERO, origin);
    }

    /**
     * A reset whose old token keeps passing checks for {@code oldTokenValidFor} (zero: it fails
     * every check from the commit on). A grace period of an earlier reset of the scope ends at once;
     * a reset of the scope scheduled for later is cancelled (its owners are told).
     */
    public ResetResult reset(Actor actor, AccountSid sid, TokenScope scope, Duration oldTokenValidFor,
            RequestOrigin origin) {
        requireGraceInRange(oldTokenValidFor);
        ResetResult result = tx.write(s -> {
            AccountAccess.requireAdmin(s.accounts(), actor, sid);
            s.scheduledResets().delete(sid, scope).ifPresent(pending -> cancelled(s, actor, pending, origin,
                    "superseded by a reset"));
            return resetInTransaction(s, actor, actor.email(), sid, scope, oldTokenValidFor, origin, Map.of());
        });
        // committed: no check on any node may accept the old token as current once the caller has the answer
        awaitOldTokenUncached(sid, scope);
        return result;
    }

    /**
     * The part of a reset that runs inside the caller's write transaction (access already checked).
     * The caller must call {@link #awaitOldTokenUncached} after the commit.
     *
     * @param actor who the audit event names; null for tokendesk itself (a scheduled reset)
     * @param resetBy who the history and the notices name
     * @param extraDetails added to the audit event's details
     */
    ResetResult resetInTransaction(Stores s, Actor actor, String resetBy, AccountSid sid, TokenScope scope,
            Duration oldTokenValidFor, RequestOrigin origin, Map<String, String> extraDetails) {
        CardRecord card = requireCard(s, sid);
        StoredToken old = s.tokens().lockToken(sid, scope)
                .orElseThrow(() -> new NotFoundException("the account has no " + scope.wireName() + " token"));
        Instant now = clock.instant();
        Instant validUntil = oldTokenValidFor.isZero() ? null : now.plus(oldTokenValidFor);
        TokenIssuer.Issued fresh = issuer.issue(sid, scope);
        // only one old token per scope may be in its grace period: the newest
        s.tokens().endGrace(sid, scope, now);
        s.tokens().insertHistory(new InvalidatedToken(sid, scope, old.hash(), old.hint(), now, resetBy, validUntil));
        s.tokens().replaceToken(sid, scope, fresh.hash(), fresh.ciphertext(), fresh.hint(), now);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("scope", scope.wireName());
        details.put("previousTokenHint", old.hint());
        details.put("newTokenHint", fresh.hint());
        if (validUntil != null) {
            details.put("oldTokenValidUntil", validUntil.toString());
        }
        details.putAll(extraDetails);
        audit.record(s.audit(), actor, origin, AuditAction.LEGACY_TOKEN_RESET, sid, details);
        int notices = resetHook.afterReset(s,
                new TokenReset(sid, scope, now, resetBy, old.hint(), card.apiVersion(), validUntil));
        return new ResetResult(sid, scope, fresh.token(), now, notices, validUntil);
    }

    /**
     * Schedules a reset of one scope for a future time (at most {@link #MAX_SCHEDULE_AHEAD} ahead);
     * the owners of the integrations on the scope are told now and again when it runs. Nobody sees
     * the new token when it runs, so this needs re-display of tokens turned on.
     *
     * @throws ConflictException when the scope has a pending scheduled reset, or re-display is off
     */
    public ScheduledResetResult scheduleReset(Actor actor, AccountSid sid, TokenScope scope, Instant at,
            Duration oldTokenValidFor, RequestOrigin origin) {
        requireGraceInRange(oldTokenValidFor);
        return tx.write(s -> {
            AccountAccess.requireAdmin(s.accounts(), actor, sid);
            CardRecord card = requireCard(s, sid);
            if (!issuer.redisplay()) {
                throw new ConflictException("re-display of tokens is turned off, so nobody could see the token a "
                        + "scheduled reset creates; reset now instead");
            }
            Instant now = clock.instant();
            if (!at.isAfter(now)) {
                throw ValidationException.of("at", "must be in the future");
            }
            if (at.isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
                throw ValidationException.of("at", "must be at most " + MAX_SCHEDULE_AHEAD.toDays() + " days ahead");
            }
            StoredToken current = requireToken(s, sid, scope);
            ScheduledReset pending = new ScheduledReset(sid, scope, at, oldTokenValidFor, actor.email(), now);
            if (!s.scheduledResets().insert(pending)) {
                Instant when = s.scheduledResets().pending(sid).stream().filter(r -> r.scope() == scope)
                        .map(ScheduledReset::at).findFirst().orElse(at);
                throw new ConflictException("a reset of the " + scope.wireName() + " token is already scheduled for "
                        + when + "; cancel it first");
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("scope", scope.wireName());
            details.put("at", at.toString());
            if (!oldTokenValidFor.isZero()) {
                details.put("oldTokenValidFor", oldTokenValidFor.toString());
            }
            audit.record(s.audit(), actor, origin, AuditAction.LEGACY_TOKEN_RESET_SCHEDULED, sid, details);
            int notices = resetHook.afterScheduled(s, new TokenReset(sid, scope, at, actor.email(), current.hint(),
                    card.apiVersion(), pending.plannedOldTokenValidUntil()));
            return new ScheduledResetResult(sid, scope, at, pending.plannedOldTokenValidUntil(), notices);
        });
    }

    /**
     * Cancels the pending scheduled reset of one scope; its owners are told.
     *
     * @throws NotFoundException when none is pending (also when it has just run)
     */
    public LegacyTokenCard cancelScheduledReset(Actor actor, AccountSid sid, TokenScope scope, RequestOrigin origin) {
        return tx.write(s -> {
            AccountAccess.requireAdmin(s.accounts(), actor, sid);
            requireCard(s, sid);
            ScheduledReset pending = s.scheduledResets().delete(sid, scope).orElseThrow(() -> new NotFoundException(
                    "no reset of the " + scope.wireName() + " token is scheduled"));
            cancelled(s, actor, pending, origin, null);
            return cardOf(s, sid);
        });
    }

    private void cancelled(Stores s, Actor actor, ScheduledReset pending, RequestOrigin origin, String reason) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("scope", pending.scope().wireName());
        details.put("at", pending.at().toString());
        details.put("scheduledBy", pending.scheduledBy());
        if (reason != null) {
            details.put("reason", reason);
        }
        audit.record(s.audit(), actor, origin, AuditAction.LEGACY_TOKEN_SCHEDULED_RESET_CANCELLED,
                pending.accountSid(), details);
        CardRecord card = requireCard(s, pending.accountSid());
        String hint = requireToken(s, pending.accountSid(), pending.scope()).hint();
        resetHook.afterScheduleCancelled(s, new TokenReset(pending.accountSid(), pending.scope(), pending.at(),
                actor.email(), hint, card.apiVersion(), null));
    }

    /**
     * Runs one scheduled reset that is due, if any, in its own transaction: the claim, the reset
     * and its notices commit together, so across every node each scheduled reset runs exactly
     * once (a failed run rolls back and stays pending). The audit event names tokendesk as the
     * actor and the operator who scheduled it; the notices name that operator.
     *
     * @return the reset that ran, or empty when none was due
     */
    public Optional<ResetResult> runDueReset() {
        ResetResult result = tx.write(s -> s.scheduledResets().claimDue(clock.instant()).map(due -> {
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("scheduledBy", due.scheduledBy());
            extra.put("scheduledFor", due.at().toString());
            return resetInTransaction(s, null, due.scheduledBy(), due.accountSid(), due.scope(),
                    due.oldTokenValidFor(), RequestOrigin.SYSTEM, extra);
        }).orElse(null));
        if (result == null) {
            return Optional.empty();
        }
        awaitOldTokenUncached(result.accountSid(), result.scope());
        return Optional.of(result);
    }

    /**
     * Ends the running grace period of one scope's old token now; nothing happens when none runs.
     * Gives the same guarantee as a reset: once the caller has the answer, no check passes with it.
     */
    public LegacyTokenCard endGrace(Actor actor, AccountSid sid, TokenScope scope, RequestOrigin origin) {
        LegacyTokenCard card = tx.write(s -> {
            AccountAccess.requireAdmin(s.accounts(), actor, sid);
            requireCard(s, sid);
            if (s.tokens().endGrace(sid, scope, clock.instant())) {
                audit.record(s.audit(), actor, origin, AuditAction.LEGACY_TOKEN_GRACE_ENDED, sid,
                        Map.of("scope", scope.wireName()));
            }
            return cardOf(s, sid);
        });
        awaitOldTokenUncached(sid, scope);
        return card;
    }

    /** After a commit that took a token's right to pass checks: no node's cache may still grant it. */
    void awaitOldTokenUncached(AccountSid sid, TokenScope scope) {
        checkCache.invalidate(new TokenKey(sid, scope));
        if (!checkCache.onlyNode()) {
            // other nodes' entries of the old token expire on their own: wait that out
            checkCache.awaitStaleEntriesExpired();
        }
    }

    private static void requireGraceInRange(Duration oldTokenValidFor) {
        if (oldTokenValidFor.isNegative() || oldTokenValidFor.compareTo(MAX_GRACE) > 0) {
            throw ValidationException.of("oldTokenValidFor", "must be a duration from PT0S to P7D");
        }
    }

    private LegacyTokenCard cardOf(Stores s, AccountSid sid) {
        CardRecord card = requireCard(s, sid);
        Instant now = clock.instant();
        Map<TokenScope, StaleUse> staleUse = new EnumMap<>(TokenScope.class);
        for (TokenScope scope : TokenScope.values()) {
            StaleUse sightings = StaleUse.read(s, sid, scope, now);
            if (sightings != null) {
                staleUse.put(scope, sightings);
            }
        }
        Map<TokenScope, Instant> scheduled = new EnumMap<>(TokenScope.class);
        for (ScheduledReset pending : s.scheduledResets().pending(sid)) {
            scheduled.put(pending.scope(), pending.at());
        }
        return LegacyTokenCard.of(card, apiVersions.available(), s.tokens().tokens(sid), staleUse,
                s.tokens().graceEnds(sid, now), scheduled);
    }

    static CardRecord requireCard(Stores s, AccountSid sid) {
        return s.tokens().findCard(sid)
                .orElseThrow(() -> new NotFoundException("legacy tokens are not enabled for this account"));
    }

    /** The current token of one scope (read, not locked). */
    static StoredToken requireToken(Stores s, AccountSid sid, TokenScope scope) {
        return s.tokens().tokens(sid).stream().filter(t -> t.scope() == scope).findFirst()
                .orElseThrow(() -> new NotFoundException("the account has no " + scope.wireName() + " token"));
    }
}
