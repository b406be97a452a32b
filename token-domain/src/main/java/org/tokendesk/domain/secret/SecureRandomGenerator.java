package org.tokendesk.domain.secret;

import java.security.SecureRandom;

/** The production {@link SecretGenerator}: the platform's {@link SecureRandom}. */
public final class SecureRandomGenerator implements SecretGenerator {

    private final SecureRandom random = new SecureRandom();

    public SecureRandomGenerator() {
        // nothing to configure
    }

    @Override
    public byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
