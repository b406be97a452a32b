package org.tokendesk.notifier.webhook.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an HTTP/1.1 response far enough to decide the outcome: the status, {@code Retry-After},
 * and for failures a bounded start of the body to explain them. Every read is bounded so a
 * hostile receiver cannot make us buffer much.
 */
final class HttpReplyReader {

    static final int MAX_EXCERPT_BYTES = 4 * 1024;
    static final int MAX_REASON_CHARS = 200;
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d(?:\\.\\d)? (\\d{3})(?: .*)?");

    private final InputStream in;

    HttpReplyReader(InputStream in) {
        this.in = in;
    }

    HttpReply read() throws IOException {
        int status;
        Map<String, String> headers;
        do {
            status = parseStatus(readLine());
            headers = readHeaders();
            // Interim answers such as 100 or 103 come before the real one.
        } while (status >= 100 && status < 200 && status != 101);
        String excerpt = status / 100 == 2 || status == 304 ? "" : excerpt(bodyPrefix(headers));
        return new HttpReply(status, Optional.ofNullable(headers.get("retry-after")), excerpt);
    }

    private static int parseStatus(String line) throws ProtocolException {
        Matcher m = STATUS_LINE.matcher(line);
        if (!m.matches()) {
            throw new ProtocolException("receiver did not answer with HTTP");
        }
        return Integer.parseInt(m.group(1));
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (int count = 0; ; count++) {
            String line = readLine();
            if (line.isEmpty()) {
                return headers;
            }
            if (count >= MAX_HEADERS) {
                throw new ProtocolException("too many response headers");
            }
            int colon = line.indexOf(':');
            if (colon > 0 && !Character.isWhitespace(line.charAt(0))) {
                headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
    }

    private byte[] bodyPrefix(Map<String, String> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            String encoding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
            if (encoding.endsWith("chunked")) {
                readChunked(out);
            } else if (headers.containsKey("content-length")) {
                long length = Long.parseLong(headers.get("content-length"));
                copy(out, (int) Math.min(Math.max(length, 0), MAX_EXCERPT_BYTES));
            } else {
                copy(out, MAX_EXCERPT_BYTES);
            }
        } catch (IOException | NumberFormatException e) {
            // The status already decides the outcome; the body only explains it, so keep what came.
        }
        return out.toByteArray();
    }

    private void readChunked(ByteArrayOutputStream out) throws IOException {
        while (out.size() < MAX_EXCERPT_BYTES) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            long size = Long.parseLong(hex, 16);
            if (size <= 0) {
                return;
            }
            int wanted = (int) Math.min(size, MAX_EXCERPT_BYTES - out.size());
            copy(out, wanted);
            if (wanted < size) {
                return;
            }
            readLine();
        }
    }

    private void copy(ByteArrayOutputStream out, int limit) throws IOException {
        byte[] buffer = new byte[1024];
        int left = limit;
        while (left > 0) {
            int n = in.read(buffer, 0, Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("receiver closed the connection before answering completely");
            }
            if (c == '\n') {
                break;
            }
            if (line.size() >= MAX_LINE) {
                throw new ProtocolException("response line too long");
            }
            line.write(c);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Makes a body fit a single log line: control characters and runs of whitespace become one
     * space, and long text is cut.
     */
    static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
        if (text.length() <= MAX_REASON_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_REASON_CHARS - 1)) ? MAX_REASON_CHARS - 1 : MAX_REASON_CHARS;
        return text.substring(0, end) + "…";
    }
}
