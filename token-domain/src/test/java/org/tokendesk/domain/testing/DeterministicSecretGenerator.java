package org.tokendesk.domain.testing;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.tokendesk.domain.secret.SecretGenerator;

/**
 * Repeatable "random" bytes: SHA-256 over a seed and a counter. Every call returns fresh bytes,
 * so generated tokens and nonces differ, yet a run is reproducible.
 */
public final class DeterministicSecretGenerator implements SecretGenerator {

    private final long seed;
    private long counter;

    public DeterministicSecretGenerator(long seed) {
        this.seed = seed;
    }

    @Override
    public synchronized byte[] randomBytes(int count) {
        byte[] out = new byte[count];
        int filled = 0;
        while (filled < count) {
            byte[] block = sha256(ByteBuffer.allocate(16).putLong(seed).putLong(counter++).array());
            int n = Math.min(block.length, count - filled);
            System.arraycopy(block, 0, out, filled, n);
            filled += n;
        }
        return out;
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
