package org.tokendesk.web.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokendesk.web.testing.ApiClient;
import org.tokendesk.web.testing.LegacyTokens;
import org.tokendesk.web.testing.TestNode;

class WebServerTest {

    @Test
    void connections_keep_no_header_cache_and_a_persistent_connection_still_sees_each_new_credential() throws Exception {
        try (TestNode node = TestNode.sqlite()) {
            // Jetty's default is a trie per connection: more CPU per check than it saves, and memory per connection
            assertEquals(List.of(0), node.headerCacheSizes());
            ApiClient admin = node.admin();
            LegacyTokens tokens = admin.enableLegacyTokens(admin.createAccount("Cache"));
            // one connection, as a gateway keeps it: a valid, a wrong and again the valid credential
            try (Socket socket = new Socket("127.0.0.1", node.port())) {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                String sid = tokens.accountSid();
                assertEquals(204, check(out, in, ApiClient.basic(sid, tokens.readWrite())));
                assertEquals(401, check(out, in, ApiClient.basic(sid, tokens.readWrite().substring(1) + "x")));
                assertEquals(204, check(out, in, ApiClient.basic(sid, tokens.readWrite())));
            }
        }
    }

    private static int check(OutputStream out, InputStream in, String authorization) throws Exception {
        out.write(("GET /v1/auth/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return ApiClient.readResponse(in).status();
    }
}
