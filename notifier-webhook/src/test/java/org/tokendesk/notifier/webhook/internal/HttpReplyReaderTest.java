package org.tokendesk.notifier.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpReplyReaderTest {

    private static HttpReply read(String response) throws IOException {
        return new HttpReplyReader(new ByteArrayInputStream(response.getBytes(StandardCharsets.UTF_8))).read();
    }

    @Test
    void interim_answers_are_skipped_and_the_final_status_counts() throws Exception {
        HttpReply reply = read("HTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n"
                + "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 30\r\nContent-Length: 4\r\n\r\nbusy");

        assertEquals(new HttpReply(503, Optional.of("30"), "busy"), reply);
    }

    @Test
    void a_chunked_body_is_decoded_for_the_reason() throws Exception {
        HttpReply reply = read("HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "7;ext=1\r\nmissing\r\n7\r\n field\n\r\n0\r\n\r\n");

        assertEquals("missing field", reply.excerpt());
    }

    @Test
    void a_body_until_close_is_read_and_cut_to_a_short_reason() throws Exception {
        HttpReply reply = read("HTTP/1.0 500 Oops\r\n\r\n" + "x".repeat(100_000));

        assertEquals(HttpReplyReader.MAX_REASON_CHARS + 1, reply.excerpt().length());
        assertTrue(reply.excerpt().endsWith("…"));
    }

    @Test
    void a_success_body_is_not_read_at_all() throws Exception {
        HttpReply reply = read("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");

        assertEquals(new HttpReply(200, Optional.empty(), ""), reply);
    }

    @Test
    void a_truncated_error_body_keeps_the_status() throws Exception {
        HttpReply reply = read("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 1000\r\n\r\nupstream");

        assertEquals(new HttpReply(502, Optional.empty(), "upstream"), reply);
    }

    @Test
    void an_answer_that_is_not_http_is_an_error() {
        assertThrows(ProtocolException.class, () -> read("SSH-2.0-OpenSSH_9.6\r\n"));
    }

    @Test
    void a_connection_closed_before_the_headers_end_is_an_error() {
        assertThrows(IOException.class, () -> read("HTTP/1.1 200 OK\r\nContent-"));
    }
}
