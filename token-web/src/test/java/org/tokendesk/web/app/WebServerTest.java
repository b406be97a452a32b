package org.tokendesk.web.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.TestNode;

class WebServerTest {

    @Test
    void connections_keep_no_header_cache_and_a_persistent_connection_still_sees_each_new_credential() throws Exception {
        try (TestNode node = TestNode.sqlite()) {
            // Jetty's default is a trie per connection: more CPU per check than it saves, and memory per connection
            assertEquals(List.of(0), node.headerCacheSizes());
            ApiClient admin = node.admin();
            String sid = admin.post("/api/v1/accounts", Map.of("name", "Cache")).json().get("accountSid").asText();
            admin.post("/api/v1/accounts/" + sid + "/legacy-token", Map.of());
            String token = admin.get("/api/v1/accounts/" + sid + "/legacy-token/credentials").json()
                    .get("readWrite").get("authToken").asText();
            // one connection, as a gateway keeps it: a valid, a wrong and again the valid credential
            try (Socket socket = new Socket("127.0.0.1", node.port())) {
                assertEquals(204, check(socket, sid + ":" + token));
                assertEquals(401, check(socket, sid + ":" + token.substring(1) + "x"));
                assertEquals(204, check(socket, sid + ":" + token));
            }
        }
    }

    private static int check(Socket socket, String credential) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(("GET /v1/auth/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8)) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(head.substring(9, 12));
    }
}
