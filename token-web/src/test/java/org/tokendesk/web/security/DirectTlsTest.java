package org.tokendesk.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokendesk.web.app.StartupException;
import org.tokendesk.web.testing.TestNode;

/** Direct TLS from PEM files, with a self-signed certificate made in the test by the JDK's keytool. */
class DirectTlsTest {

    @TempDir
    Path dir;

    Certificate selfSigned() throws Exception {
        Path store = dir.resolve("tls.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "tls", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype",
                "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        Certificate cert = ks.getCertificate("tls");
        Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes());
        Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n"
                + pem.encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + pem.encodeToString(ks.getKey("tls", "changeit".toCharArray()).getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        return cert;
    }

    @Test
    void the_node_serves_https_from_pem_files_with_hsts_and_no_plain_http() throws Exception {
        Certificate cert = selfSigned();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("tokendesk", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        try (TestNode node = TestNode.sqlite(Map.of("TOKENDESK_TLS_CERT", dir.resolve("cert.pem").toString(),
                "TOKENDESK_TLS_KEY", dir.resolve("key.pem").toString()))) {
            HttpClient client = HttpClient.newBuilder().sslContext(context).build();
            HttpResponse<String> live = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + node.port() + "/health/live")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode());
            assertEquals(List.of(0), node.headerCacheSizes(), "no per-connection header cache on the TLS connector");
            assertTrue(live.headers().firstValue("Strict-Transport-Security").isPresent(), "HSTS over TLS");
            // the credential check is answered by the check front, outside Javalin: the same headers
            HttpResponse<String> check = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + node.port() + "/v1/auth/check")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, check.statusCode());
            assertEquals(List.of("max-age=31536000"), check.headers().allValues("Strict-Transport-Security"));
            assertEquals(List.of("nosniff"), check.headers().allValues("X-Content-Type-Options"));
            assertThrows(java.io.IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.port() + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString()), "no plain HTTP on the TLS port");
        }
    }

    @Test
    void a_key_that_is_not_pkcs8_pem_stops_the_start_with_a_clear_message() throws Exception {
        selfSigned();
        Files.writeString(dir.resolve("key.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        var e = assertThrows(StartupException.class, () -> TestNode.sqlite(Map.of(
                "TOKENDESK_TLS_CERT", dir.resolve("cert.pem").toString(), "TOKENDESK_TLS_KEY", dir.resolve("key.pem").toString())));
        assertTrue(e.getMessage().contains("openssl pkcs8"), e.getMessage());
    }
}
