package org.tokendesk.domain.operator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditTrail;
import org.tokendesk.domain.common.NotAuthenticatedException;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.secret.AuthTokenHasher;
import org.tokendesk.domain.secret.Secret;
import org.tokendesk.domain.secret.SecretGenerator;
import org.tokendesk.domain.secret.TokenHash;
import org.tokendesk.domain.tx.Transactions;

/**
 * Cookie sessions: sign in (a new session id every time), resolve with idle and absolute expiry,
 * CSRF token check, sign out. Only keyed hashes of session ids and CSRF tokens are stored.
 */
public final class SessionService {

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Transactions tx;
    private final PasswordHasher passwords;
    private final AuthTokenHasher hasher;
    private final SecretGenerator random;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final SessionLifetime lifetime;
    private final AuditTrail audit;
    private final String dummyHash;

    public SessionService(Transactions tx, PasswordHasher passwords, AuthTokenHasher hasher, SecretGenerator random,
            SignInThrottle throttle, Clock clock, SessionLifetime lifetime) {
        this.tx = tx;
        this.passwords = passwords;
        this.hasher = hasher;
        this.random = random;
        this.throttle = throttle;
        this.clock = clock;
        this.lifetime = lifetime;
        this.audit = new AuditTrail(clock);
        this.dummyHash = passwords.dummyHash();
    }

    public NewSession signIn(String email, String password, RequestOrigin origin) {
        Instant now = clock.instant();
        String emailKey = "email:" + EmailAddress.normalize(email).orElse(String.valueOf(email));
        String addressKey = "ip:" + origin.ip();
        Optional<Duration> locked = throttle.lockedFor(emailKey, now).or(() -> throttle.lockedFor(addressKey, now));
        if (locked.isPresent()) {
            throw new TooManyAttemptsException(locked.get());
        }
        Optional<Operator> operator = EmailAddress.normalize(email).flatMap(e -> tx.read(s -> s.operators().findByEmail(e)));
        char[] presented = password == null ? new char[0] : password.toCharArray();
        // verify against a dummy hash for unknown emails so timing does not reveal who exists
        boolean ok = passwords.verify(presented, operator.map(Operator::passwordHash).orElse(dummyHash))
                && operator.isPresent();
        if (!ok) {
            throttle.recordFailure(emailKey, now);
            throttle.recordFailure(addressKey, now);
            throw new NotAuthenticatedException("the email or the password is wrong");
        }
        throttle.recordSuccess(emailKey);
        Secret sessionId = newSecret();
        Secret csrf = new Secret(csrfTokenFor(sessionId.reveal()));
        Operator who = operator.get();
        tx.write(s -> {
            s.sessions().insert(new SessionRecord(hasher.hash(sessionId.reveal()), who.id(),
                    hasher.hash(csrf.reveal()), now, now));
            audit.record(s.audit(), Actor.of(who), origin, AuditAction.OPERATOR_SIGNED_IN, null, Map.of());
            return null;
        });
        return new NewSession(sessionId, csrf, who);
    }

    public Optional<ActiveSession> resolve(String sessionId) {
        if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 100) {
            return Optional.empty();
        }
        TokenHash idHash = hasher.hash(sessionId);
        Instant now = clock.instant();
        return tx.read(s -> s.sessions().find(idHash).flatMap(session -> {
            if (lifetime.expired(session, now)) {
                return Optional.empty();
            }
            return s.operators().findById(session.operatorId()).map(op -> new ActiveSession(session, op));
        })).map(active -> {
            if (active.session().lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
                tx.write(s -> {
                    s.sessions().touch(idHash, now);
                    return null;
                });
            }
            return active;
        });
    }

    /**
     * The session's CSRF token: derived from the session id with the server's keyed hash, so a
     * server-rendered page can embed it without the token being stored anywhere.
     */
    public String csrfTokenFor(String sessionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hasher.hash("csrf:" + sessionId).bytes());
    }

    public boolean csrfMatches(ActiveSession session, String presented) {
        return presented != null && !presented.isEmpty() && presented.length() <= 100
                && hasher.hash(presented).equals(session.session().csrfHash());
    }

    public void signOut(String sessionId) {
        if (sessionId != null && !sessionId.isEmpty() && sessionId.length() <= 100) {
            TokenHash idHash = hasher.hash(sessionId);
            tx.write(s -> {
                s.sessions().delete(idHash);
                return null;
            });
        }
    }

    /** Removes expired sessions; run now and then. */
    public int purgeExpired() {
        Instant now = clock.instant();
        return tx.writeInBackground(s -> s.sessions().deleteExpired(now.minus(lifetime.absolute()), now.minus(lifetime.idle())));
    }

    private Secret newSecret() {
        return new Secret(Base64.getUrlEncoder().withoutPadding().encodeToString(random.randomBytes(32)));
    }

    /**
     * A new session.
     *
     * @param sessionId the cookie value
     * @param csrfToken the token unsafe requests must echo in {@code X-CSRF-Token}
     * @param operator who signed in
     */
    public record NewSession(Secret sessionId, Secret csrfToken, Operator operator) {
    }

    /**
     * A resolved, unexpired session.
     *
     * @param session the stored session
     * @param operator its operator
     */
    public record ActiveSession(SessionRecord session, Operator operator) {

        public Actor actor() {
            return Actor.of(operator);
        }
    }

    /**
     * How long sessions live.
     *
     * @param idle ends after this long without a request
     * @param absolute ends this long after sign-in, whatever happens
     */
    public record SessionLifetime(Duration idle, Duration absolute) {

        public static final SessionLifetime DEFAULT = new SessionLifetime(Duration.ofHours(1), Duration.ofHours(12));

        boolean expired(SessionRecord session, Instant now) {
            return !session.createdAt().plus(absolute).isAfter(now) || !session.lastSeenAt().plus(idle).isAfter(now);
        }
    }
}
