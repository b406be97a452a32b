package org.tokendesk.domain.usage;

/**
 * A client as stored: sanitized, never null (an absent header is the empty string).
 *
 * @param address the client address
 * @param userAgent the user agent, truncated, without control characters
 * @param uri the path only: the query string is dropped because it may hold secrets
 */
public record SightedClient(String address, String userAgent, String uri) {

    static final int MAX_LENGTH = 200;

    /** Sanitizes what the web layer saw; the only way a {@link ClientInfo} reaches storage. */
    public static SightedClient of(ClientInfo raw) {
        return new SightedClient(text(raw.address(), 64), text(raw.userAgent(), MAX_LENGTH),
                text(pathOnly(raw.uri()), MAX_LENGTH));
    }

    private static String pathOnly(String uri) {
        if (uri == null) {
            return null;
        }
        int end = uri.length();
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        return uri.substring(0, end);
    }

    private static String text(String value, int max) {
        if (value == null) {
            return "";
        }
        if (isClean(value, max)) {
            return value; // the usual case: nothing to copy
        }
        StringBuilder clean = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && clean.length() < max; i++) {
            char c = value.charAt(i);
            if (!Character.isISOControl(c)) {
                clean.append(c);
            }
        }
        return clean.toString().strip();
    }

    private static boolean isClean(String value, int max) {
        if (value.length() > max || (!value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' '))) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
