package org.tokendesk.domain.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.testing.DeterministicSecretGenerator;

class AesGcmSecretCipherTest {

    private static final String PLAINTEXT = "tdrw_theplaintexttoken";

    private final DeterministicSecretGenerator random = new DeterministicSecretGenerator(7);
    private final AesGcmSecretCipher cipher = new AesGcmSecretCipher(MasterKey.generate(random), random);

    @Test
    void decrypt_returns_what_was_encrypted() {
        byte[] sealed = cipher.encrypt(PLAINTEXT, "auth-token:AC1:read_write");
        assertEquals(PLAINTEXT, cipher.decrypt(sealed, "auth-token:AC1:read_write"));
    }

    @Test
    void the_ciphertext_does_not_contain_the_plaintext_and_has_version_nonce_and_tag() {
        byte[] sealed = cipher.encrypt(PLAINTEXT, "ad");
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("plaintext"));
        assertEquals(1, sealed[0]);
        assertEquals(1 + 12 + PLAINTEXT.length() + 16, sealed.length);
    }

    @Test
    void two_encryptions_of_the_same_text_differ() {
        byte[] first = cipher.encrypt(PLAINTEXT, "ad");
        byte[] second = cipher.encrypt(PLAINTEXT, "ad");
        assertFalse(Arrays.equals(first, second));
        assertFalse(Arrays.equals(Arrays.copyOfRange(first, 1, 13), Arrays.copyOfRange(second, 1, 13)));
    }

    @Test
    void other_associated_data_fails_without_the_plaintext_in_the_message() {
        byte[] sealed = cipher.encrypt(PLAINTEXT, "auth-token:AC1:read_write");
        var e = assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "auth-token:AC1:read_only"));
        assertNoSecretIn(e);
    }

    @Test
    void another_key_fails_without_the_plaintext_in_the_message() {
        byte[] sealed = cipher.encrypt(PLAINTEXT, "ad");
        var other = new AesGcmSecretCipher(MasterKey.generate(random), random);
        var e = assertThrows(IllegalStateException.class, () -> other.decrypt(sealed, "ad"));
        assertNoSecretIn(e);
    }

    @Test
    void a_tampered_ciphertext_fails() {
        byte[] sealed = cipher.encrypt(PLAINTEXT, "ad");
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "ad"));
    }

    @Test
    void a_short_or_unknown_version_ciphertext_is_refused() {
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(new byte[5], "ad"));
        byte[] sealed = cipher.encrypt(PLAINTEXT, "ad");
        sealed[0] = 2;
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "ad"));
    }

    @Test
    void to_string_is_masked() {
        assertTrue(cipher.toString().contains("masked"));
    }

    private static void assertNoSecretIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(PLAINTEXT));
        }
        assertNotNull(e.getMessage());
    }
}
