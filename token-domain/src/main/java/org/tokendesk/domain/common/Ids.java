package org.tokendesk.domain.common;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Prefixed identifiers for rows that are not secrets (operators, keys, integrations, notices). An
 * identifier is never a credential: the acknowledgement link carries a signature of its id.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /**
     * @param prefix short type prefix such as {@code "op"}
     * @return {@code prefix_} followed by 24 lowercase hex digits
     */
    public static String newId(String prefix) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return prefix + "_" + HexFormat.of().formatHex(bytes);
    }

    /**
     * An identifier of the same form whose first 6 bytes are the creation time in milliseconds (big
     * endian) and whose last 6 are random, for rows written a thousand at a time (the notices and
     * acknowledgements of a reset): ids made later sort later, so the primary key index grows at
     * its end instead of at a thousand random places of an index of every notice ever sent. Two ids
     * of the same millisecond differ in 48 random bits; the creation time they reveal is in the row
     * anyway.
     *
     * @param now the creation time
     */
    public static String newTimeOrderedId(String prefix, Instant now) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        long millis = now.toEpochMilli();
        for (int i = 5; i >= 0; i--) {
            bytes[i] = (byte) millis;
            millis >>>= 8;
        }
        return prefix + "_" + HexFormat.of().formatHex(bytes);
    }
}
