package org.tokendesk.domain.notice;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tokendesk.domain.account.AccountAccess;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.token.StoredToken;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.tx.Stores;
import org.tokendesk.domain.tx.Transactions;

/**
 * Owners confirm, with the single-use link of their notice, that they updated their integration
 * after a reset; operators see who has not yet. The link needs no sign-in: holding it is the
 * permission, so every failure looks the same ("no such link") and nothing reveals whether an id
 * exists.
 */
public final class Acknowledgements {

    private static final String NO_SUCH_LINK = "no such acknowledgement link";

    private final Transactions tx;
    private final AcknowledgementTokens tokens;
    private final Clock clock;

    public Acknowledgements(Transactions tx, AcknowledgementTokens tokens, Clock clock) {
        this.tx = tx;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** What a link is about, without using it (mail scanners fetch links: looking must not consume). */
    public Request show(String token) {
        return tx.read(s -> request(s, token));
    }

    /**
     * Uses the link: the first call records the acknowledgement and audits it; every later one,
     * also a concurrent one on another node, fails with {@link AlreadyAcknowledgedException}.
     */
    public Request acknowledge(String token, RequestOrigin origin) {
        Request done = tx.write(s -> {
            Request request = request(s, token);
            Acknowledgement ack = request.acknowledgement();
            if (ack.acknowledged()) {
                return request;
            }
            Instant now = clock.instant();
            if (!s.acknowledgements().acknowledge(ack.id(), now)) {
                // lost a race: the winner's time is committed by now
                return request(s, token);
            }
            s.audit().append(new AuditEvent(0, now, "owner:" + request.ownerEmail(), AuditAction.NOTICE_ACKNOWLEDGED,
                    ack.accountSid(), origin.ip(), Map.of("integrationId", ack.integrationId(),
                            "scope", ack.scope().wireName())));
            Acknowledgement updated = new Acknowledgement(ack.id(), ack.accountSid(), ack.integrationId(), ack.scope(),
                    ack.resetAt(), ack.createdAt(), now);
            return new Request(updated, request.integrationName(), request.ownerEmail(), true);
        });
        if (!done.justAcknowledged()) {
            throw new AlreadyAcknowledgedException(done.acknowledgement().acknowledgedAt());
        }
        return done;
    }

    private Request request(Stores s, String token) {
        String id = tokens.verify(token).orElseThrow(() -> new NotFoundException(NO_SUCH_LINK));
        Acknowledgement ack = s.acknowledgements().find(id).orElseThrow(() -> new NotFoundException(NO_SUCH_LINK));
        Integration integration = s.integrations().find(ack.accountSid(), ack.integrationId())
                .orElseThrow(() -> new NotFoundException(NO_SUCH_LINK));
        return new Request(ack, integration.name(), integration.ownerEmail(), false);
    }

    /** Per scope, the integrations that got notices for its last reset and have not acknowledged it. */
    public Map<TokenScope, List<Pending>> unacknowledged(Actor actor, AccountSid sid) {
        return tx.read(s -> {
            AccountAccess.requireMember(s.accounts(), actor, sid);
            Map<TokenScope, List<Pending>> all = new EnumMap<>(TokenScope.class);
            for (TokenScope scope : TokenScope.values()) {
                all.put(scope, unacknowledged(s, sid, scope));
            }
            return all;
        });
    }

    /** The integrations that got notices for the last reset of {@code scope} and have not acknowledged it. */
    public static List<Pending> unacknowledged(Stores s, AccountSid sid, TokenScope scope) {
        Optional<Instant> lastReset = s.tokens().tokens(sid).stream().filter(t -> t.scope() == scope)
                .map(StoredToken::lastResetAt).filter(Objects::nonNull).findFirst();
        if (lastReset.isEmpty()) {
            return List.of();
        }
        return s.acknowledgements().forReset(sid, scope, lastReset.get()).stream().filter(a -> !a.acknowledged())
                .flatMap(a -> s.integrations().find(sid, a.integrationId()).stream())
                .map(i -> new Pending(i.id(), i.name(), i.ownerEmail())).toList();
    }

    /** When each of these deliveries' acknowledgement was given (deliveries without one, or not yet, are left out). */
    public Map<String, Instant> acknowledgedAt(Actor actor, AccountSid sid, Collection<Delivery> deliveries) {
        List<String> ids = deliveries.stream().map(Delivery::ackId).filter(Objects::nonNull).distinct().toList();
        return tx.read(s -> {
            AccountAccess.requireMember(s.accounts(), actor, sid);
            return ids.isEmpty() ? Map.<String, Instant>of() : s.acknowledgements().findAll(sid, ids).stream().filter(Acknowledgement::acknowledged)
                    .collect(Collectors.toMap(Acknowledgement::id, Acknowledgement::acknowledgedAt));
        });
    }

    /**
     * What an acknowledgement link is about.
     *
     * @param acknowledgement the acknowledgement
     * @param integrationName the integration's name
     * @param ownerEmail its owner
     * @param justAcknowledged whether this request acknowledged it
     */
    public record Request(Acknowledgement acknowledgement, String integrationName, String ownerEmail,
            boolean justAcknowledged) {
    }

    /**
     * An integration whose owner has not acknowledged the last reset yet.
     *
     * @param integrationId the integration
     * @param name its name
     * @param ownerEmail its owner
     */
    public record Pending(String integrationId, String name, String ownerEmail) {
    }
}
