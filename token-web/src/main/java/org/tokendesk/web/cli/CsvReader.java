package org.tokendesk.web.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180: comma-separated, fields may be quoted with {@code "}, a quote inside
 * a quoted field is doubled, quoted fields may span lines) one at a time, so files of any size
 * stream. Knows the line each record starts on; a malformed record is reported by line, never by
 * content (it may hold a token).
 */
final class CsvReader {

    private final Reader in;
    private int line = 1;
    private int peeked = -2;

    CsvReader(Reader in) {
        this.in = in;
    }

    /**
     * One record.
     *
     * @param line the line it starts on
     * @param fields its fields, or null when it is malformed
     * @param problem why it is malformed, or null
     */
    record Record(int line, List<String> fields, String problem) {

        @Override
        public String toString() {
            return "Record[line " + line + ", " + (fields == null ? problem : fields.size() + " fields, values masked") + "]";
        }
    }

    /** @return the next record, or null at the end; blank lines are skipped */
    Record next() throws IOException {
        int c = read();
        while (c == '\r' || c == '\n') {
            c = read();
        }
        if (c == -1) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        String problem = null;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    return new Record(start, null, "a quoted field is not closed before the end of the file");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == ',' || c == '\n' || c == '\r' || c == -1) {
                fields.add(wasQuoted ? field.toString() : field.toString().strip());
                field.setLength(0);
                wasQuoted = false;
                if (c != ',') {
                    if (c == '\r') {
                        int n = read();
                        if (n != '\n') {
                            unread(n);
                        }
                    }
                    return problem == null ? new Record(start, fields, null) : new Record(start, null, problem);
                }
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (wasQuoted) {
                if (!Character.isWhitespace(c) && problem == null) {
                    problem = "text follows a closing quote; a quote inside a quoted field is written twice (\"\")";
                }
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        int c;
        if (peeked != -2) {
            c = peeked;
            peeked = -2;
        } else {
            c = in.read();
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private void unread(int c) {
        if (c == '\n') {
            line--;
        }
        peeked = c;
    }
}
