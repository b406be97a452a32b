package org.tokendesk.domain.secret;

import java.math.BigInteger;

/** Base62 text ({@code 0-9A-Za-z}): safe in Basic auth, URLs and shells, double-click selectable. */
public final class Base62 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(62);

    private Base62() {
    }

    /**
     * Encodes an unsigned number into exactly {@code length} characters (left-padded with '0').
     *
     * @param value non-negative number that fits in {@code length} digits
     * @param length number of characters
     * @return the digits
     */
    public static String encode(BigInteger value, int length) {
        char[] out = new char[length];
        BigInteger rest = value;
        for (int i = length - 1; i >= 0; i--) {
            BigInteger[] qr = rest.divideAndRemainder(BASE);
            out[i] = ALPHABET.charAt(qr[1].intValue());
            rest = qr[0];
        }
        if (rest.signum() != 0) {
            throw new IllegalArgumentException("value does not fit in " + length + " base62 digits");
        }
        return new String(out);
    }

    /**
     * Maps random bytes to {@code length} base62 characters, one byte per character by rejection
     * sampling would waste entropy, so the bytes are read as one big number instead.
     *
     * @param randomBytes random input with at least {@code length * 5.96} bits
     * @param length number of characters
     * @return the characters
     */
    public static String fromRandom(byte[] randomBytes, int length) {
        BigInteger value = new BigInteger(1, randomBytes).mod(BASE.pow(length));
        return encode(value, length);
    }

    /**
     * @param text the text
     * @return whether every character is a base62 digit
     */
    public static boolean isBase62(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
