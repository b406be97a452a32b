package org.tokendesk.domain.operator;

/** Port: slow, salted password hashing (Argon2id in production). */
public interface PasswordHasher {

    /** @return an encoded hash that carries its own parameters and salt */
    String hash(char[] password);

    /** Constant-time with respect to the stored hash. */
    boolean verify(char[] password, String encodedHash);

    /**
     * An encoded hash that no password matches, whose {@link #verify} takes as long as a real
     * one's: a sign-in for an unknown email verifies against it, so the answer's timing does not
     * tell who exists. The default hashes a fixed password; an implementation may make one without
     * that cost (the service asks for it at start).
     */
    default String dummyHash() {
        return hash("not-a-real-password-just-for-timing".toCharArray());
    }
}
