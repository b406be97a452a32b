package org.tokendesk.notifier.webhook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tokendesk.notifier.webhook.internal.Fixtures.SECRET;
import static org.tokendesk.notifier.webhook.internal.Fixtures.notice;
import static org.tokendesk.notifier.webhook.internal.Fixtures.recipient;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokendesk.notifier.spi.DeliveryOutcome;

/** https over the layered TLS socket, with a throwaway certificate made by the JDK's keytool. */
class TlsDeliveryTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    @Test
    void an_https_delivery_checks_the_certificate_against_the_host_name() throws Exception {
        KeyStore keys = keyStore("san=dns:localhost,ip:127.0.0.1");
        try (Receiver receiver = Receiver.https(serverContext(keys))) {
            DeliveryOutcome outcome = notifier(keys).deliver(notice().build(),
                    recipient(receiver.url("localhost", "/hook"), SECRET));

            assertEquals(new DeliveryOutcome.Delivered("HTTP 204"), outcome);
            assertEquals(1, receiver.requests().size());
        }
    }

    @Test
    void a_certificate_for_another_host_is_refused_and_nothing_is_sent() throws Exception {
        KeyStore keys = keyStore("san=dns:other.example");
        try (Receiver receiver = Receiver.https(serverContext(keys))) {
            DeliveryOutcome outcome = notifier(keys).deliver(notice().build(),
                    recipient(receiver.url("localhost", "/hook"), SECRET));

            assertInstanceOf(DeliveryOutcome.RetryLater.class, outcome);
            assertTrue(outcome.toString().contains("TLS with localhost failed"), outcome.toString());
            assertEquals(List.of(), receiver.requests());
        }
    }

    private static WebhookNotifier notifier(KeyStore serverKeys) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("receiver", serverKeys.getCertificate("receiver"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        return new WebhookNotifier(WebhookSettings.defaults(true, "0.1.0-test"), Resolver.SYSTEM,
                client.getSocketFactory(), Clock.systemUTC());
    }

    private static SSLContext serverContext(KeyStore keys) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        return server;
    }

    private KeyStore keyStore(String subjectAlternativeNames) throws Exception {
        Path file = dir.resolve("receiver.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=receiver", "-ext", subjectAlternativeNames, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, keytool.exitValue(), output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }
}
