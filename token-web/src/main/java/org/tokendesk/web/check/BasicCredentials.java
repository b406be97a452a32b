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
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String pair = new String(decoded, StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon <= 0 || colon == pair.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(pair.substring(0, colon), pair.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return "BasicCredentials[accountSid=" + accountSid + ", authToken=masked]";
    }
}
