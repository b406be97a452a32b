package org.tokendesk.domain.secret;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The keyed hash of a secret: what the database stores and looks up. Not secret by itself, but
 * still compared in constant time and never printed in full.
 */
public final class TokenHash {

    private final byte[] bytes;
    private final int hashCode;

    public TokenHash(byte[] bytes) {
        this.bytes = bytes.clone();
        this.hashCode = Arrays.hashCode(bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenHash that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return hashCode;
    }

    @Override
    public String toString() {
        return "TokenHash[" + HexFormat.of().formatHex(bytes, 0, 4) + "…]";
    }
}
