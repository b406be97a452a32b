package org.tokendesk.domain.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.tokendesk.domain.operator.PasswordHasher;

/** Fast stand-in for Argon2: {@code plain:} and the SHA-256 hex of the password. Counts verifications. */
public final class FakePasswordHasher implements PasswordHasher {

    private static final String PREFIX = "plain:";

    private int verifications;

    public FakePasswordHasher() {
        // nothing to configure
    }

    @Override
    public String hash(char[] password) {
        byte[] utf8 = new String(password).getBytes(StandardCharsets.UTF_8);
        return PREFIX + HexFormat.of().formatHex(DeterministicSecretGenerator.sha256(utf8));
    }

    @Override
    public synchronized boolean verify(char[] password, String encodedHash) {
        verifications++;
        return encodedHash != null && encodedHash.startsWith(PREFIX)
                && MessageDigest.isEqual(hash(password).getBytes(StandardCharsets.US_ASCII),
                        encodedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** @return how often {@link #verify} ran, to show that unknown emails cost a verification too */
    public synchronized int verifications() {
        return verifications;
    }
}
