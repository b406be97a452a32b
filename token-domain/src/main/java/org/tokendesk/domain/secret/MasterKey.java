package org.tokendesk.domain.secret;

import java.util.Base64;

/** The 256-bit key under which re-displayable secrets are encrypted. Never printed. */
public final class MasterKey {

    public static final int LENGTH = 32;

    private final byte[] key;

    private MasterKey(byte[] key) {
        this.key = key.clone();
    }

    /**
     * @param bytes exactly 32 bytes
     * @return the key
     */
    public static MasterKey of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a master key has exactly 32 bytes, this one has " + bytes.length);
        }
        return new MasterKey(bytes);
    }

    /**
     * @param base64 standard base64 of 32 bytes
     * @return the key
     * @throws IllegalArgumentException without echoing the input
     */
    public static MasterKey fromBase64(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key is not valid base64", null);
        }
        return of(bytes);
    }

    public static MasterKey generate(SecretGenerator generator) {
        return new MasterKey(generator.randomBytes(LENGTH));
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    byte[] bytes() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "MasterKey[masked]";
    }
}
