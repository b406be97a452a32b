package org.tokendesk.domain.operator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditTrail;
import org.tokendesk.domain.common.Ids;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.common.ValidationException;
import org.tokendesk.domain.secret.AuthTokenHasher;
import org.tokendesk.domain.secret.Base62;
import org.tokendesk.domain.secret.Secret;
import org.tokendesk.domain.secret.SecretGenerator;
import org.tokendesk.domain.secret.TokenHash;
import org.tokendesk.domain.tx.Transactions;

/**
 * Personal management keys ({@code tdmk_} + 40 base62 characters), used as Bearer tokens on the
 * management API. Shown once, stored as a keyed hash, revocable, with last use recorded.
 */
public final class ManagementKeyService {

    public static final String PREFIX = "tdmk_";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Transactions tx;
    private final AuthTokenHasher hasher;
    private final SecretGenerator random;
    private final Clock clock;
    private final AuditTrail audit;

    public ManagementKeyService(Transactions tx, AuthTokenHasher hasher, SecretGenerator random, Clock clock) {
        this.tx = tx;
        this.hasher = hasher;
        this.random = random;
        this.clock = clock;
        this.audit = new AuditTrail(clock);
    }

    public CreatedKey create(Actor actor, String name, RequestOrigin origin) {
        if (name == null || name.isBlank() || name.strip().length() > 100
                || name.chars().anyMatch(Character::isISOControl)) {
            throw ValidationException.of("name", "must have 1 to 100 characters and no control characters");
        }
        Secret key = new Secret(PREFIX + Base62.fromRandom(random.randomBytes(32), 40));
        ManagementKey stored = new ManagementKey(Ids.newId("key"), actor.operatorId(), name.strip(),
                hasher.hash(key.reveal()), key.hint(), clock.instant(), null);
        tx.write(s -> {
            s.keys().insert(stored);
            audit.record(s.audit(), actor, origin, AuditAction.KEY_CREATED, null,
                    Map.of("keyId", stored.id(), "name", stored.name()));
            return null;
        });
        return new CreatedKey(stored, key);
    }

    public List<ManagementKey> list(Actor actor) {
        return tx.read(s -> s.keys().listFor(actor.operatorId()));
    }

    public void revoke(Actor actor, String keyId, RequestOrigin origin) {
        tx.write(s -> {
            if (!s.keys().delete(keyId, actor.operatorId())) {
                throw new NotFoundException("no such management key");
            }
            audit.record(s.audit(), actor, origin, AuditAction.KEY_REVOKED, null, Map.of("keyId", keyId));
            return null;
        });
    }

    /** @return the key's operator, when the bearer value is a current key */
    public Optional<Actor> authenticate(String bearer) {
        if (bearer == null || !bearer.startsWith(PREFIX) || bearer.length() > 100) {
            return Optional.empty();
        }
        TokenHash hash = hasher.hash(bearer);
        Instant now = clock.instant();
        return tx.read(s -> s.keys().findByHash(hash).flatMap(key -> s.operators().findById(key.operatorId())
                .map(op -> new KeyUse(key, Actor.of(op))))).map(use -> {
                    if (use.key.lastUsedAt() == null || use.key.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
                        tx.write(s -> {
                            s.keys().touch(use.key.id(), now);
                            return null;
                        });
                    }
                    return use.actor;
                });
    }

    private record KeyUse(ManagementKey key, Actor actor) {
    }

    /**
     * A new key, shown once.
     *
     * @param key what is stored
     * @param secret the key itself
     */
    public record CreatedKey(ManagementKey key, Secret secret) {
    }
}
