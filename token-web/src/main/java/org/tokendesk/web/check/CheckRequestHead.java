package org.tokendesk.web.check;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The head of a gateway's {@code GET /v1/auth/check HTTP/1.1}, read from raw bytes by
 * {@link CheckConnection}, which answers such a check without Jetty's HTTP machinery. It reads
 * only the plainest shape of the request and refuses everything else: the connection then hands
 * its bytes, this request included, to Jetty, which answers as it answers any request (with its
 * own limits, its own 400s and 431s, and {@link CheckFront} for a check). So a request this class
 * accepts is one Jetty would read the same way; there is no request that the two could frame
 * differently:
 * <ul>
 * <li>the request line is exactly {@code GET /v1/auth/check HTTP/1.1}: no other method, target,
 *     query, version, or spacing;</li>
 * <li>every line ends in CR LF; a bare CR or LF anywhere refuses the request at once;</li>
 * <li>each header is a token, a colon and a value of visible ASCII, spaces and tabs: no space
 *     before the colon, no folded line, no control character, no byte above 127;</li>
 * <li>exactly one {@code Host}, a plain name or address with an optional port;</li>
 * <li>no body and nothing that announces one or changes the connection: no
 *     {@code Transfer-Encoding}, a single {@code Content-Length: 0} at most, no {@code Expect},
 *     {@code Upgrade}, {@code Connection} or {@code TE};</li>
 * <li>the head fits in the limit Jetty would apply to it, in at most {@value #MAX_FIELDS} headers.</li>
 * </ul>
 * A header's value is its first occurrence, trimmed of spaces and tabs, as Jetty's
 * {@code HttpFields.get} gives it. One instance is reused for each request of a connection; it
 * holds offsets into the connection's buffer, which must not change while the head is in use.
 */
final class CheckRequestHead {

    /** {@link #parse}: the head is not complete yet. */
    static final int NEED_MORE = -1;
    /** {@link #parse}: not a plain check; Jetty must answer it. */
    static final int HAND_OVER = -2;
    static final int MAX_FIELDS = 64;

    private static final byte[] REQUEST_LINE = "GET /v1/auth/check HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Headers that announce a body or change the connection: Jetty's to handle. */
    private static final String[] HANDED_OVER = {"Transfer-Encoding", "Connection", "Upgrade", "Expect", "TE"};
    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[Character.toUpperCase(c)] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private byte[] bytes;
    private final int[] nameStart = new int[MAX_FIELDS];
    private final int[] nameEnd = new int[MAX_FIELDS];
    private final int[] valueStart = new int[MAX_FIELDS];
    private final int[] valueEnd = new int[MAX_FIELDS];
    private int fields;

    /**
     * Reads the head that starts at {@code from}.
     *
     * @param to where the bytes received so far end
     * @param limit the most bytes a head may take (Jetty's request header size)
     * @return where the head ends (the request's first byte after it), {@link #NEED_MORE} or {@link #HAND_OVER}
     */
    int parse(byte[] buffer, int from, int to, int limit) {
        bytes = buffer;
        fields = 0;
        int prefix = Math.min(to - from, REQUEST_LINE.length);
        if (!Arrays.equals(buffer, from, from + prefix, REQUEST_LINE, 0, prefix)) {
            return HAND_OVER;
        }
        int headEnd = endOfHead(buffer, from, to);
        if (headEnd == HAND_OVER || headEnd - from > limit) {
            return HAND_OVER;
        }
        if (headEnd == NEED_MORE) {
            return to - from >= limit ? HAND_OVER : NEED_MORE;
        }
        return fields(buffer, from + REQUEST_LINE.length, headEnd - 2) ? headEnd : HAND_OVER;
    }

    /** Where the empty line ends, or NEED_MORE; HAND_OVER at a CR without LF or an LF without CR. */
    private static int endOfHead(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\r') {
                if (i + 1 == to) {
                    return NEED_MORE;
                }
                if (b[i + 1] != '\n') {
                    return HAND_OVER;
                }
                if (i + 3 < to && b[i + 2] == '\r' && b[i + 3] == '\n') {
                    return i + 4;
                }
                i++;
            } else if (b[i] == '\n') {
                return HAND_OVER;
            }
        }
        return NEED_MORE;
    }

    /** The header lines from {@code pos} to {@code end} (each ending in CR LF, as checked before). */
    private boolean fields(byte[] b, int pos, int end) {
        int hosts = 0;
        int lengths = 0;
        while (pos < end) {
            int lineEnd = pos;
            while (b[lineEnd] != '\r') {
                lineEnd++;
            }
            int name = pos;
            while (pos < lineEnd && b[pos] >= 0 && TOKEN[b[pos]]) {
                pos++;
            }
            if (pos == name || pos == lineEnd || b[pos] != ':' || fields == MAX_FIELDS) {
                return false;
            }
            int nameLimit = pos;
            pos++;
            while (pos < lineEnd && isSpace(b[pos])) {
                pos++;
            }
            int value = pos;
            int valueLimit = lineEnd;
            while (valueLimit > value && isSpace(b[valueLimit - 1])) {
                valueLimit--;
            }
            for (int i = value; i < valueLimit; i++) {
                if (b[i] < 0x20 && b[i] != '\t' || b[i] == 0x7f || b[i] < 0) {
                    return false;
                }
            }
            int field = fields++;
            nameStart[field] = name;
            nameEnd[field] = nameLimit;
            valueStart[field] = value;
            valueEnd[field] = valueLimit;
            if (nameIs(field, "Host")) {
                hosts++;
                if (!plainHost(b, value, valueLimit)) {
                    return false;
                }
            } else if (nameIs(field, "Content-Length")) {
                lengths++;
                if (valueLimit - value != 1 || b[value] != '0') {
                    return false;
                }
            } else if (isAnyOf(field, HANDED_OVER)) {
                return false;
            }
            pos = lineEnd + 2;
        }
        return hosts == 1 && lengths <= 1;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    /** A name or IPv4 address ({@code [A-Za-z0-9.-]}) or a bracketed IPv6 address, then perhaps a port. */
    static boolean plainHost(byte[] b, int from, int to) {
        int i = from;
        if (i < to && b[i] == '[') {
            i++;
            while (i < to && (isHex(b[i]) || b[i] == ':' || b[i] == '.')) {
                i++;
            }
            if (i == from + 1 || i == to || b[i] != ']') {
                return false;
            }
            i++;
        } else {
            while (i < to && (isAlphanumeric(b[i]) || b[i] == '.' || b[i] == '-')) {
                i++;
            }
            if (i == from) {
                return false;
            }
        }
        if (i == to) {
            return true;
        }
        if (b[i] != ':' || to - i - 1 < 1 || to - i - 1 > 5) {
            return false;
        }
        int port = 0;
        for (i++; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
            port = port * 10 + b[i] - '0';
        }
        return port >= 1 && port <= 65_535;
    }

    private static boolean isHex(byte c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isAlphanumeric(byte c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private boolean isAnyOf(int field, String[] names) {
        for (String name : names) {
            if (nameIs(field, name)) {
                return true;
            }
        }
        return false;
    }

    private boolean nameIs(int field, String name) {
        int start = nameStart[field];
        int length = nameEnd[field] - start;
        if (length != name.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            int a = bytes[start + i];
            int c = name.charAt(i);
            if (a != c && (a | 0x20) != (c | 0x20)) {
                return false;
            }
        }
        return true;
    }

    /** The first value of the header of this name (any case), trimmed, or null: {@code HttpFields.get}. */
    String get(String name) {
        for (int f = 0; f < fields; f++) {
            if (nameIs(f, name)) {
                return new String(bytes, valueStart[f], valueEnd[f] - valueStart[f], StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /**
     * This head on a copy of its bytes, for a check that goes on after the connection's buffer may
     * have changed (one handed to the thread pool).
     *
     * @param from where the head starts, as given to {@link #parse}
     * @param headEnd what {@link #parse} returned
     */
    CheckRequestHead detach(int from, int headEnd) {
        CheckRequestHead copy = new CheckRequestHead();
        copy.bytes = Arrays.copyOfRange(bytes, from, headEnd);
        copy.fields = fields;
        for (int f = 0; f < fields; f++) {
            copy.nameStart[f] = nameStart[f] - from;
            copy.nameEnd[f] = nameEnd[f] - from;
            copy.valueStart[f] = valueStart[f] - from;
            copy.valueEnd[f] = valueEnd[f] - from;
        }
        return copy;
    }

    @Override
    public String toString() {
        // the head holds the Authorization header: never shown
        return "CheckRequestHead[fields=" + fields + "]";
    }
}
