package org.tokendesk.domain.secret;

/** Source of secret randomness (a port, so tests can be deterministic). */
public interface SecretGenerator {

    /**
     * @param count how many bytes
     * @return that many cryptographically random bytes
     */
    byte[] randomBytes(int count);
}
