package org.tokendesk.domain.token;

import java.time.Clock;
import java.util.Map;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditTrail;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.integration.IntegrationService;
import org.tokendesk.domain.integration.WebhookSecrets;
import org.tokendesk.domain.secret.SecretCipher;
import org.tokendesk.domain.tx.Stores;
import org.tokendesk.domain.tx.Transactions;

/**
 * Re-encrypts what is kept encrypted under the master key (Auth Tokens for re-display, webhook
 * signing secrets) under a new key, in one transaction. A ciphertext that the new key opens already
 * is left as it is, so a rotation that was interrupted can simply be run again.
 */
public final class MasterKeyRotation {

    private final Transactions tx;
    private final AuditTrail audit;

    public MasterKeyRotation(Transactions tx, Clock clock) {
        this.tx = tx;
        this.audit = new AuditTrail(clock);
    }

    /**
     * @param from the cipher under the current master key
     * @param to the cipher under the new master key
     * @throws IllegalStateException when a ciphertext opens under neither key (the data is not this key's)
     */
    public Result rotate(SecretCipher from, SecretCipher to) {
        return tx.write(s -> {
            Counter count = new Counter();
            for (StoredToken token : s.tokens().allTokens()) {
                if (token.ciphertext() != null) {
                    String aad = TokenIssuer.associatedData(token.accountSid(), token.scope());
                    byte[] fresh = reencrypt(token.ciphertext(), aad, from, to, count,
                            "the " + token.scope().wireName() + " token of " + token.accountSid());
                    if (fresh != null) {
                        s.tokens().replaceCiphertext(token.accountSid(), token.scope(), fresh);
                        count.tokens++;
                    }
                }
            }
            for (String id : s.integrations().allIds()) {
                rotateSecrets(s, id, from, to, count);
            }
            audit.record(s.audit(), null, RequestOrigin.SYSTEM, AuditAction.MASTER_KEY_ROTATED, null,
                    Map.of("tokens", Integer.toString(count.tokens), "webhookSecrets", Integer.toString(count.secrets),
                            "alreadyRotated", Integer.toString(count.already)));
            return new Result(count.tokens, count.secrets, count.already);
        });
    }

    private static void rotateSecrets(Stores s, String id, SecretCipher from, SecretCipher to, Counter count) {
        WebhookSecrets secrets = s.integrations().secrets(id).orElse(null);
        if (secrets == null) {
            return;
        }
        String aad = IntegrationService.associatedData(id);
        String what = "the webhook secret of integration " + id;
        byte[] current = reencrypt(secrets.current(), aad, from, to, count, what);
        byte[] previous = secrets.previous() == null ? null
                : reencrypt(secrets.previous(), aad, from, to, count, "the previous " + what);
        if (current != null || previous != null) {
            s.integrations().updateSecrets(id, new WebhookSecrets(current != null ? current : secrets.current(),
                    previous != null ? previous : secrets.previous(), secrets.previousExpiresAt()));
            count.secrets++;
        }
    }

    /** @return the new ciphertext, or null when the new key opens it already */
    private static byte[] reencrypt(byte[] ciphertext, String aad, SecretCipher from, SecretCipher to, Counter count,
            String what) {
        String plain;
        try {
            plain = from.decrypt(ciphertext, aad);
        } catch (IllegalStateException notUnderOldKey) {
            try {
                to.decrypt(ciphertext, aad);
                count.already++;
                return null;
            } catch (IllegalStateException notUnderNewKey) {
                throw new IllegalStateException(what + " opens under neither the current nor the new master key");
            }
        }
        return to.encrypt(plain, aad);
    }

    /**
     * A cipher that opens ciphertexts of either key and seals under the new one: for data kept
     * elsewhere (server keys), so that their rotation can be run again too.
     */
    public static SecretCipher eitherKey(SecretCipher from, SecretCipher to) {
        return new SecretCipher() {
            @Override
            public byte[] encrypt(String plaintext, String associatedData) {
                return to.encrypt(plaintext, associatedData);
            }

            @Override
            public String decrypt(byte[] ciphertext, String associatedData) {
                try {
                    return from.decrypt(ciphertext, associatedData);
                } catch (IllegalStateException e) {
                    return to.decrypt(ciphertext, associatedData);
                }
            }

            @Override
            public String toString() {
                return "EitherKeyCipher[keys masked]";
            }
        };
    }

    private static final class Counter {
        int tokens;
        int secrets;
        int already;
    }

    /**
     * What was re-encrypted.
     *
     * @param tokens Auth Token ciphertexts re-encrypted
     * @param webhookSecrets integrations whose signing secrets were re-encrypted
     * @param alreadyRotated ciphertexts that were under the new key already
     */
    public record Result(int tokens, int webhookSecrets, int alreadyRotated) {
    }
}
