package org.tokendesk.web.check;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * An {@code Authorization: Basic base64(AccountSID:AuthToken)} header. Parsing never throws and
 * never echoes what it was given.
 *
 * @param accountSid the part before the first colon
 * @param authToken the rest
 */
public record BasicCredentials(String accountSid, String authToken) {

    private static final int MAX_HEADER = 1024;

    public static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() < 7 || header.length() > MAX_HEADER
                || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        int start = 6;
        int end = header.length();
        while (start < end && Character.isWhitespace(header.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(header.charAt(end - 1))) {
            end--;
        }
        // every check parses one: straight from the header's characters, no intermediate strings
        byte[] encoded = new byte[end - start];
        for (int i = start; i < end; i++) {
            char c = header.charAt(i);
            if (c > 127) {
                return Optional.empty();
            }
            encoded[i - start] = (byte) c;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = indexOfColon(decoded);
        if (colon <= 0 || colon == decoded.length - 1) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(new String(decoded, 0, colon, StandardCharsets.UTF_8),
                new String(decoded, colon + 1, decoded.length - colon - 1, StandardCharsets.UTF_8)));
    }

    /** The first colon: a byte that is never part of a multi-byte UTF-8 character. */
    private static int indexOfColon(byte[] utf8) {
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "BasicCredentials[accountSid=" + accountSid + ", authToken=masked]";
    }
}
