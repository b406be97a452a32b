package org.tokendesk.domain.token;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.tokendesk.domain.secret.Base62;
import org.tokendesk.domain.secret.SecretGenerator;

/**
 * The format of generated Auth Tokens: {@code tdrw_} or {@code tdro_}, 32 base62 characters from
 * 32 random bytes (about 190 bits), and 6 base62 characters of CRC32 over everything before them.
 * The checksum lets secret scanners recognize a leaked token offline without false positives;
 * it adds no secrecy. Imported tokens keep their original value and need not follow this format.
 */
public final class AuthTokenFormat {

    /** For secret scanners: matches generated tokens of both scopes. */
    public static final Pattern SCANNER_PATTERN = Pattern.compile("\\btd(rw|ro)_[0-9A-Za-z]{38}\\b");

    static final int RANDOM_CHARS = 32;
    static final int CHECKSUM_CHARS = 6;

    private AuthTokenFormat() {
    }

    public static String generate(TokenScope scope, SecretGenerator random) {
        String body = scope.tokenPrefix() + Base62.fromRandom(random.randomBytes(32), RANDOM_CHARS);
        return body + checksum(body);
    }

    /**
     * @param token any text
     * @return whether it is a generated token with a correct checksum
     */
    public static boolean isWellFormed(String token) {
        if (token == null || !SCANNER_PATTERN.matcher(token).matches()) {
            return false;
        }
        int split = token.length() - CHECKSUM_CHARS;
        return checksum(token.substring(0, split)).equals(token.substring(split));
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return Base62.encode(BigInteger.valueOf(crc.getValue()), CHECKSUM_CHARS);
    }
}
