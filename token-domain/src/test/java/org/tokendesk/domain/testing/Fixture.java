package org.tokendesk.domain.testing;

import java.util.Arrays;
import java.util.function.Supplier;
import org.tokendesk.domain.account.Account;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.account.Membership;
import org.tokendesk.domain.account.Role;
import org.tokendesk.domain.common.Ids;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.integration.Channels;
import org.tokendesk.domain.integration.IntegrationService;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.operator.Operator;
import org.tokendesk.domain.secret.AesGcmSecretCipher;
import org.tokendesk.domain.secret.AuthTokenHasher;
import org.tokendesk.domain.secret.HmacAuthTokenHasher;
import org.tokendesk.domain.secret.MasterKey;
import org.tokendesk.domain.secret.SecretCipher;
import org.tokendesk.domain.token.ApiVersions;
import org.tokendesk.domain.token.LegacyTokenService;
import org.tokendesk.domain.token.ResetHook;
import org.tokendesk.domain.token.TokenIssuer;

/** One in-memory world per test: clock, randomness, stores, hashers, and helpers to seed rows. */
public final class Fixture {

    public static final RequestOrigin ORIGIN = new RequestOrigin("203.0.113.7", "junit");
    public static final String PASSWORD = "correct horse battery";

    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final DeterministicSecretGenerator random = new DeterministicSecretGenerator(20260302L);
    private final InMemoryTransactions tx = new InMemoryTransactions();
    private final AuthTokenHasher hasher = new HmacAuthTokenHasher(pepper('p'));
    private final FakePasswordHasher passwords = new FakePasswordHasher();
    private final SecretCipher cipher = new AesGcmSecretCipher(MasterKey.generate(random), random);

    public Fixture() {
        // a fresh, empty world
    }

    public static byte[] pepper(char fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    public MutableClock clock() {
        return clock;
    }

    public DeterministicSecretGenerator random() {
        return random;
    }

    public InMemoryTransactions tx() {
        return tx;
    }

    public AuthTokenHasher hasher() {
        return hasher;
    }

    public FakePasswordHasher passwords() {
        return passwords;
    }

    public SecretCipher cipher() {
        return cipher;
    }

    /** Stores an operator whose password is {@link #PASSWORD}. */
    public Operator insertOperator(String email, boolean platformAdmin) {
        Operator operator = new Operator(Ids.newId("op"), email, email, passwords.hash(PASSWORD.toCharArray()),
                platformAdmin, null, clock.instant());
        tx.write(s -> {
            s.operators().insert(operator);
            return null;
        });
        return operator;
    }

    public Actor operator(String email) {
        return Actor.of(insertOperator(email, false));
    }

    public Actor platformAdmin(String email) {
        return Actor.of(insertOperator(email, true));
    }

    /** Stores an account with the given admin, without going through a use case. */
    public AccountSid account(String name, Actor admin) {
        AccountSid sid = AccountSid.generate(random);
        tx.write(s -> {
            s.accounts().insert(new Account(sid, name, false, clock.instant()));
            s.accounts().putMember(new Membership(sid, admin.operatorId(), Role.ADMIN));
            return null;
        });
        return sid;
    }

    public void member(AccountSid sid, Actor who, Role role) {
        tx.write(s -> {
            s.accounts().putMember(new Membership(sid, who.operatorId(), role));
            return null;
        });
    }

    public TokenIssuer issuer(boolean redisplay) {
        return new TokenIssuer(random, hasher, cipher, redisplay);
    }

    public LegacyTokenService legacyTokens(boolean redisplay, ResetHook hook) {
        return new LegacyTokenService(tx, issuer(redisplay), ApiVersions.DEFAULT, clock, hook);
    }

    public LegacyTokenService legacyTokens() {
        return legacyTokens(true, ResetHook.NONE);
    }

    /** @param channels what the node can deliver over, asked on every use */
    public IntegrationService integrations(Supplier<Channels> channels) {
        return new IntegrationService(tx, cipher, random, clock, channels);
    }
}
