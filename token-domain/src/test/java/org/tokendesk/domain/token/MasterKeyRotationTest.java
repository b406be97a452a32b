package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.integration.Channels;
import org.tokendesk.domain.integration.IntegrationDraft;
import org.tokendesk.domain.integration.IntegrationService;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.secret.AesGcmSecretCipher;
import org.tokendesk.domain.secret.MasterKey;
import org.tokendesk.domain.secret.SecretCipher;
import org.tokendesk.domain.testing.Fixture;

class MasterKeyRotationTest {

    private final Fixture world = new Fixture();
    private final SecretCipher next = new AesGcmSecretCipher(MasterKey.generate(world.random()), world.random());
    private final MasterKeyRotation rotation = new MasterKeyRotation(world.tx(), world.clock());
    private final Actor admin = world.operator("admin@example.com");
    private final AccountSid sid = world.account("Rotated", admin);
    private final EnabledTokens tokens = world.legacyTokens().enable(admin, sid, Fixture.ORIGIN);
    private final IntegrationService integrations = world.integrations(() -> new Channels(Set.of("email", "webhook")));
    private final String secret = integrations.create(admin, sid, new IntegrationDraft("Hook", "Ann", "ann@example.com",
            "en", "https://hooks.example.com/x", List.of("read_write"), List.of("webhook")), Fixture.ORIGIN)
            .webhookSecret().reveal();

    @Test
    void every_token_and_webhook_secret_opens_under_the_new_key_with_the_same_value() {
        var result = rotation.rotate(world.cipher(), next);
        assertEquals(new MasterKeyRotation.Result(2, 1, 0), result);
        TokenIssuer afterwards = new TokenIssuer(world.random(), world.hasher(), next, true);
        for (StoredToken t : world.tx().read(s -> s.tokens().tokens(sid))) {
            assertEquals(t.scope() == TokenScope.READ_WRITE ? tokens.readWrite().reveal() : tokens.readOnly().reveal(),
                    afterwards.reveal(t));
        }
        String id = world.tx().read(s -> s.integrations().allIds()).get(0);
        IntegrationService underNewKey = new IntegrationService(world.tx(), next, world.random(), world.clock(),
                () -> new Channels(Set.of("webhook")));
        assertEquals(List.of(secret), world.tx().read(s -> underNewKey.signingSecrets(s, id)));
    }

    @Test
    void running_it_again_finds_everything_under_the_new_key_already() {
        rotation.rotate(world.cipher(), next);
        assertEquals(new MasterKeyRotation.Result(0, 0, 3), rotation.rotate(world.cipher(), next));
    }

    @Test
    void a_ciphertext_of_neither_key_stops_the_rotation_and_nothing_is_kept() {
        SecretCipher stranger = new AesGcmSecretCipher(MasterKey.generate(world.random()), world.random());
        assertThrows(IllegalStateException.class, () -> rotation.rotate(stranger, next));
        assertEquals(new MasterKeyRotation.Result(2, 1, 0), rotation.rotate(world.cipher(), next));
    }

    @Test
    void the_either_key_cipher_opens_both_and_seals_under_the_new_key() {
        byte[] old = world.cipher().encrypt("server key", "aad");
        SecretCipher either = MasterKeyRotation.eitherKey(world.cipher(), next);
        assertEquals("server key", either.decrypt(old, "aad"));
        assertEquals("server key", next.decrypt(either.encrypt("server key", "aad"), "aad"));
        assertEquals("server key", either.decrypt(next.encrypt("server key", "aad"), "aad"));
    }
}
