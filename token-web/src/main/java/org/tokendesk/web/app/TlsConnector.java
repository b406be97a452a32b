package org.tokendesk.web.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.tokendesk.web.config.Settings;

/** Direct TLS from PEM files ({@code TOKENDESK_TLS_CERT}, {@code TOKENDESK_TLS_KEY}). */
final class TlsConnector {

    private static final char[] IN_MEMORY = "tokendesk".toCharArray();

    private TlsConnector() {
    }

    static Connector create(Server server, HttpConfiguration http, Settings settings, Settings.TlsFiles files) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore(files));
        ssl.setKeyStorePassword(new String(IN_MEMORY));
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // tokendesk is often reached by IP or an internal name; the certificate is the operator's choice
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, -1, WebServer.selectors(),
                new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(settings.httpHost());
        connector.setPort(settings.httpPort());
        return connector;
    }

    static KeyStore keyStore(Settings.TlsFiles files) {
        try (InputStream certs = Files.newInputStream(files.certificate())) {
            Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(certs);
            if (chain.isEmpty()) {
                throw new StartupException("TOKENDESK_TLS_CERT holds no PEM certificate: " + files.certificate());
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("tokendesk", privateKey(files), IN_MEMORY, chain.toArray(Certificate[]::new));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupException("cannot use the TLS certificate " + files.certificate() + " and key "
                    + files.privateKey() + ": " + e.getClass().getSimpleName()
                    + "; both must be PEM, the key unencrypted PKCS#8 (BEGIN PRIVATE KEY)");
        }
    }

    private static PrivateKey privateKey(Settings.TlsFiles files) throws IOException, GeneralSecurityException {
        String pem = Files.readString(files.privateKey(), StandardCharsets.US_ASCII);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new StartupException("TOKENDESK_TLS_KEY must be an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY); "
                    + "convert one with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (java.security.spec.InvalidKeySpecException e) {
                // try the next algorithm
            }
        }
        throw new StartupException("TOKENDESK_TLS_KEY is not an RSA, EC or Ed25519 key");
    }
}
