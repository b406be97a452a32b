package org.tokendesk.web.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {

    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        String encoded = hasher.hash("correct horse battery".toCharArray());

        assertTrue(encoded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), encoded);
        assertTrue(hasher.verify("correct horse battery".toCharArray(), encoded));
        assertFalse(hasher.verify("correct horse batterY".toCharArray(), encoded));
        assertFalse(hasher.verify(new char[0], encoded));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertNotEquals(hasher.hash("same".toCharArray()), hasher.hash("same".toCharArray()));
    }

    @Test
    void malformedHashesVerifyNothing() {
        String good = hasher.hash("pw".toCharArray());
        String[] parts = good.split("\\$");
        for (String bad : new String[] {"", "plain", "$argon2i$" + good.substring("$argon2id$".length()),
                "$argon2id$v=19$m=19456,t=2,p=1,x=4$" + parts[4] + "$" + parts[5],
                "$argon2id$v=19$m=abc,t=2,p=1$" + parts[4] + "$" + parts[5],
                "$argon2id$v=19$m=19456,t=2,p=1$not base64!$" + parts[5]}) {
            assertFalse(hasher.verify("pw".toCharArray(), bad), bad);
        }
    }

    /**
     * The dummy of a sign-in for an unknown email is made without a derivation, but verifying
     * against it must do the same work as verifying against a real hash: the same parameters, the
     * same salt and hash lengths. And no password matches it.
     */
    @Test
    void theDummyHashCostsWhatARealHashCostsToVerifyAndMatchesNothing() {
        String real = hasher.hash("pw".toCharArray());
        String dummy = hasher.dummyHash();
        String[] r = real.split("\\$");
        String[] d = dummy.split("\\$");

        assertEquals(r.length, d.length);
        assertEquals(r[1] + r[2] + r[3], d[1] + d[2] + d[3], "same algorithm, version and parameters");
        assertEquals(Base64.getDecoder().decode(r[4]).length, Base64.getDecoder().decode(d[4]).length, "salt length");
        assertEquals(Base64.getDecoder().decode(r[5]).length, Base64.getDecoder().decode(d[5]).length, "hash length");
        assertFalse(hasher.verify("pw".toCharArray(), dummy));
        assertFalse(hasher.verify("not-a-real-password-just-for-timing".toCharArray(), dummy));
        assertNotEquals(dummy, hasher.dummyHash(), "random each time");
        assertFalse(java.util.Arrays.equals(new byte[32], Base64.getDecoder().decode(d[5])), "not a zero placeholder");
    }
}
