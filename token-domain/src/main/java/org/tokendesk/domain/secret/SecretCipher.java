package org.tokendesk.domain.secret;

/**
 * Encrypts secrets that must be shown again later (Auth Tokens for re-display, webhook signing
 * secrets). The associated data binds a ciphertext to its row, so a ciphertext copied to another
 * account or scope does not decrypt.
 */
public interface SecretCipher {

    byte[] encrypt(String plaintext, String associatedData);

    /**
     * @throws IllegalStateException when the ciphertext was not made under this key and data
     */
    String decrypt(byte[] ciphertext, String associatedData);
}
