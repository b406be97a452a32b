package org.tokendesk.domain.operator;

/** Port: slow, salted password hashing (Argon2id in production). */
public interface PasswordHasher {

    /** @return an encoded hash that carries its own parameters and salt */
    String hash(char[] password);

    /** Constant-time with respect to the stored hash. */
    boolean verify(char[] password, String encodedHash);
}
