package org.tokendesk.domain.common;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random, prefixed identifiers for rows that are not secrets (operators, keys, integrations). */
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
}
