package org.tokendesk.web.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The raw head reader of {@link CheckConnection}: it reads the plainest check and nothing else;
 * every other shape is {@code HAND_OVER}, for Jetty to answer, never a different reading.
 */
class CheckRequestHeadTest {

    private static final String LINE = "GET /v1/auth/check HTTP/1.1\r\n";
    private static final String PLAIN = LINE + "Host: 127.0.0.1:8080\r\nAuthorization: Basic QUMxOnRvaw==\r\n"
            + "User-Agent: wrk\r\n\r\n";
    private static final int LIMIT = 8192;

    private final CheckRequestHead head = new CheckRequestHead();

    private int parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return head.parse(bytes, 0, bytes.length, LIMIT);
    }

    @Test
    void a_plain_check_is_read_with_its_headers_and_ends_after_the_empty_line() {
        assertEquals(PLAIN.length(), parse(PLAIN));
        assertEquals("Basic QUMxOnRvaw==", head.get("Authorization"));
        assertEquals("wrk", head.get("user-agent"));
        assertEquals("127.0.0.1:8080", head.get("HOST"));
        assertNull(head.get("X-Original-URI"));
    }

    @Test
    void a_head_is_read_where_it_starts_and_what_follows_it_is_left_alone() {
        String two = "junk" + PLAIN + "GET /v1/auth";
        byte[] bytes = two.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(4 + PLAIN.length(), head.parse(bytes, 4, bytes.length, LIMIT));
        assertEquals("wrk", head.get("User-Agent"));
    }

    @Test
    void values_are_trimmed_and_the_first_of_a_repeated_header_counts_as_jetty_gives_it() {
        assertTrue(parse(LINE + "Host: h\r\nX-Forwarded-For:  \t10.0.0.1 \t\r\nx-forwarded-for: 10.0.0.2\r\n"
                + "X-Empty:\r\nX-Tab:\ta\tb\t\r\n\r\n") > 0);
        assertEquals("10.0.0.1", head.get("X-Forwarded-For"));
        assertEquals("", head.get("X-Empty"));
        assertEquals("a\tb", head.get("X-Tab"));
    }

    @Test
    void every_prefix_of_a_plain_check_needs_more_bytes() {
        byte[] bytes = PLAIN.getBytes(StandardCharsets.ISO_8859_1);
        for (int length = 0; length < bytes.length; length++) {
            assertEquals(CheckRequestHead.NEED_MORE, head.parse(bytes, 0, length, LIMIT), "after " + length + " bytes");
        }
        assertEquals(bytes.length, head.parse(bytes, 0, bytes.length, LIMIT));
    }

    @Test
    void any_other_request_line_is_handed_to_jetty_as_soon_as_it_differs() {
        for (String line : new String[] {"POST /v1/auth/check HTTP/1.1\r\n", "HEAD /v1/auth/check HTTP/1.1\r\n",
            "get /v1/auth/check HTTP/1.1\r\n", "GET /v1/auth/check HTTP/1.0\r\n", "GET /v1/auth/check?x=1 HTTP/1.1\r\n",
            "GET /v1/auth/check/ HTTP/1.1\r\n", "GET /v1/auth/Check HTTP/1.1\r\n", "GET  /v1/auth/check HTTP/1.1\r\n",
            "GET http://h/v1/auth/check HTTP/1.1\r\n", "GET /v1/auth/check HTTP/1.1 \r\n", "\r\nGET /v1/auth/check HTTP/1.1\r\n",
            "GET /v1/auth/%63heck HTTP/1.1\r\n", "GET /other HTTP/1.1\r\n"}) {
            assertEquals(CheckRequestHead.HAND_OVER, parse(line + "Host: h\r\n\r\n"), line);
        }
        assertEquals(CheckRequestHead.HAND_OVER, parse("GET /o"));
        assertEquals(CheckRequestHead.HAND_OVER, parse("P"));
    }

    @Test
    void a_line_that_is_not_a_plain_header_is_handed_to_jetty() {
        String[] lines = {
            "Host : h\r\n", // a space before the colon
            " folded\r\n", // a continuation line after Host
            "\tfolded\r\n",
            "No-Colon\r\n",
            ": empty-name\r\n",
            "Bad(Name): v\r\n",
            "X-Nul: a\u0000b\r\n",
            "X-Ctl: a\u0001b\r\n",
            "X-Del: a\u007fb\r\n",
            "X-High: caf\u00e9\r\n",
            "X-Cr: a\rb\r\n", // a bare CR
            "X-Lf: a\nb\r\n", // a bare LF
        };
        for (String line : lines) {
            assertEquals(CheckRequestHead.HAND_OVER, parse(LINE + "Host: h\r\n" + line + "\r\n"), line);
        }
        assertEquals(CheckRequestHead.HAND_OVER, parse(LINE + "Host: h\n\n"), "LF line ends");
    }

    @Test
    void a_bare_lf_is_handed_over_before_the_head_is_complete() {
        // not waiting for a CR LF CR LF that a client ending lines in LF alone never sends
        assertEquals(CheckRequestHead.HAND_OVER, parse(LINE + "Host: h\n"));
        assertEquals(CheckRequestHead.HAND_OVER, parse(LINE + "Host: h\rX"));
    }

    @Test
    void anything_that_announces_a_body_or_changes_the_connection_is_handed_to_jetty() {
        for (String line : new String[] {"Transfer-Encoding: chunked\r\n", "transfer-encoding: identity\r\n",
            "Content-Length: 5\r\n", "Content-Length: 00\r\n", "Content-Length: 0\r\nContent-Length: 0\r\n",
            "Content-Length: -0\r\n", "Connection: close\r\n", "Connection: keep-alive\r\n", "Upgrade: h2c\r\n",
            "Expect: 100-continue\r\n", "TE: trailers\r\n"}) {
            assertEquals(CheckRequestHead.HAND_OVER, parse(LINE + "Host: h\r\n" + line + "\r\n"), line);
        }
        String empty = LINE + "Host: h\r\nContent-Length:  0 \r\n\r\n";
        assertEquals(empty.length(), parse(empty));
    }

    @Test
    void exactly_one_plain_host_is_required() {
        assertEquals(CheckRequestHead.HAND_OVER, parse(LINE + "Authorization: x\r\n\r\n"), "no Host");
        assertEquals(CheckRequestHead.HAND_OVER, parse(LINE + "Host: a\r\nHost: a\r\n\r\n"), "two");
        for (String host : new String[] {"", "a b", "a_b", "h:", "h:0", "h:65536", "h:123456", "h:8o", "[::1", "[]",
            "[::1]x", "[::g]", "a@b", "h:80:80", "ex\u00e4mple"}) {
            assertEquals(CheckRequestHead.HAND_OVER, parse(LINE + "Host: " + host + "\r\n\r\n"), host);
        }
        for (String host : new String[] {"localhost", "127.0.0.1:8080", "tokendesk.example.com", "[::1]",
            "[::1]:443", "[fe80::1:2]:65535", "h-1.example:1"}) {
            assertTrue(parse(LINE + "Host: " + host + "\r\n\r\n") > 0, host);
        }
    }

    @Test
    void a_head_longer_than_the_limit_is_handed_to_jetty_complete_or_not() {
        String big = LINE + "Host: h\r\nX-Big: " + "a".repeat(200) + "\r\n\r\n";
        byte[] bytes = big.getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(head.parse(bytes, 0, bytes.length, bytes.length) > 0);
        assertEquals(CheckRequestHead.HAND_OVER, head.parse(bytes, 0, bytes.length, bytes.length - 1));
        assertEquals(CheckRequestHead.HAND_OVER, head.parse(bytes, 0, 100, 100), "incomplete and already at the limit");
        assertEquals(CheckRequestHead.NEED_MORE, head.parse(bytes, 0, 99, 100));
    }

    @Test
    void more_headers_than_the_reader_keeps_are_handed_to_jetty() {
        StringBuilder many = new StringBuilder(LINE).append("Host: h\r\n");
        for (int i = 1; i < CheckRequestHead.MAX_FIELDS; i++) {
            many.append("X-").append(i).append(": v\r\n");
        }
        assertTrue(parse(many + "\r\n") > 0);
        assertEquals(CheckRequestHead.HAND_OVER, parse(many + "X-Last: v\r\n\r\n"));
    }

    @Test
    void a_detached_head_reads_the_same_from_its_own_copy() {
        byte[] bytes = ("xx" + PLAIN).getBytes(StandardCharsets.ISO_8859_1);
        int end = head.parse(bytes, 2, bytes.length, LIMIT);
        CheckRequestHead copy = head.detach(2, end);
        java.util.Arrays.fill(bytes, (byte) 'z');
        assertEquals("Basic QUMxOnRvaw==", copy.get("Authorization"));
        assertEquals("wrk", copy.get("User-Agent"));
    }

    @Test
    void its_text_never_shows_the_credential() {
        parse(PLAIN);
        assertFalse(head.toString().contains("QUMx"));
    }
}
