package org.tokendesk.web.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.eclipse.jetty.util.MemoryUtils;
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

    @Test
    void jetty_is_told_the_reference_size_the_jvm_would_have_told_it_through_the_platform_mbean_server()
            throws Exception {
        TestNode.sqlite().close(); // a node has started: Jetty's classes are loaded and initialized
        // Jetty's own way: the HotSpotDiagnostic MBean, through the platform MBean server
        var option = (CompositeData) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=HotSpotDiagnostic"), "getVMOption",
                new Object[] {"UseCompressedOops"}, new String[] {String.class.getName()});
        int expected = Boolean.parseBoolean((String) option.get("value")) ? 64 / 4 : 64 / 8;
        assertEquals(String.valueOf(expected), System.getProperty(WebServer.REFERENCES_PER_CACHE_LINE));
        assertEquals(expected, MemoryUtils.getReferencesPerCacheLine(), "Jetty took the value");
        assertEquals(16, WebServer.referencesPerCacheLine(true));
        assertEquals(8, WebServer.referencesPerCacheLine(false));
    }

    @Test
    void a_reference_size_the_operator_set_is_left_as_it_is() {
        String before = System.getProperty(WebServer.REFERENCES_PER_CACHE_LINE);
        try {
            System.setProperty(WebServer.REFERENCES_PER_CACHE_LINE, "4");
            WebServer.tellJettyTheReferenceSize();
            assertEquals("4", System.getProperty(WebServer.REFERENCES_PER_CACHE_LINE));
        } finally {
            if (before == null) {
                System.clearProperty(WebServer.REFERENCES_PER_CACHE_LINE);
            } else {
                System.setProperty(WebServer.REFERENCES_PER_CACHE_LINE, before);
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
