package org.tokendesk.web.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.tokendesk.domain.operator.PasswordHasher;

/**
 * Argon2id (Bouncy Castle) with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane), encoded in
 * the PHC string format so parameters can be raised later without breaking stored hashes.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    public Argon2PasswordHasher() {
        // parameters are fixed; see the class comment
    }

    @Override
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return encode(salt, derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES));
    }

    /**
     * Random bytes in place of the derived hash, with the parameters every real hash is made with:
     * verifying against it derives once with those parameters, as a real verify does, and no
     * password matches it (a 2<sup>-256</sup> chance). Made without the derivation, which cost about
     * 70 ms of every start.
     */
    @Override
    public String dummyHash() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BYTES];
        random.nextBytes(salt);
        random.nextBytes(hash);
        return encode(salt, hash);
    }

    private static String encode(byte[] salt, byte[] hash) {
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    @Override
    public boolean verify(char[] password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id")) {
            return false;
        }
        try {
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[3].split(",")) {
                int value = Integer.parseInt(kv.substring(2));
                switch (kv.charAt(0)) {
                    case 'm' -> m = value;
                    case 't' -> t = value;
                    case 'p' -> p = value;
                    default -> {
                        return false;
                    }
                }
            }
            byte[] salt = Base64.getDecoder().decode(parts[4]);
            byte[] expected = Base64.getDecoder().decode(parts[5]);
            return MessageDigest.isEqual(expected, derive(password, salt, m, t, p, expected.length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(memoryKib)
                .withIterations(iterations).withParallelism(lanes).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(new String(password).getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
