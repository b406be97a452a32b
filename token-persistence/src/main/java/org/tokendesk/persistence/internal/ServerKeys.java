package org.tokendesk.persistence.internal;

import java.util.Base64;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.tokendesk.domain.secret.SecretCipher;
import org.tokendesk.domain.secret.SecretGenerator;

/** Server-wide random keys, stored encrypted under the master key. */
public final class ServerKeys {

    private final Jdbi jdbi;

    public ServerKeys(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public byte[] loadOrCreate(String name, int length, SecretCipher cipher, SecretGenerator random) {
        String aad = "server-key:" + name;
        byte[] fresh = cipher.encrypt(Base64.getEncoder().encodeToString(random.randomBytes(length)), aad);
        // two nodes starting at once: the first insert wins, both read the winner
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO server_keys (name, ciphertext) VALUES (:name, :c) "
                + "ON CONFLICT (name) DO NOTHING").bind("name", name).bind("c", fresh).execute());
        byte[] stored = jdbi.withHandle(h -> h.createQuery("SELECT ciphertext FROM server_keys WHERE name = :name")
                .bind("name", name).mapTo(byte[].class).one());
        try {
            return Base64.getDecoder().decode(cipher.decrypt(stored, aad));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the master key does not match this database: the server key '" + name
                    + "' was created under another master key. Start with the master key this database was created with"
                    + " (TOKENDESK_MASTER_KEY or the key file of the data dir).");
        }
    }

    public int reencrypt(SecretCipher from, SecretCipher to) {
        return jdbi.inTransaction(h -> {
            List<String> names = h.createQuery("SELECT name FROM server_keys").mapTo(String.class).list();
            for (String name : names) {
                String aad = "server-key:" + name;
                byte[] c = h.createQuery("SELECT ciphertext FROM server_keys WHERE name = :n").bind("n", name)
                        .mapTo(byte[].class).one();
                h.createUpdate("UPDATE server_keys SET ciphertext = :c WHERE name = :n").bind("n", name)
                        .bind("c", to.encrypt(from.decrypt(c, aad), aad)).execute();
            }
            return names.size();
        });
    }
}
