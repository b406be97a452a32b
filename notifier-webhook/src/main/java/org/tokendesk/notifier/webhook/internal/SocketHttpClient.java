package org.tokendesk.notifier.webhook.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends one HTTP/1.1 POST over a socket that it connected itself, to an address it checked
 * itself. {@link java.net.http.HttpClient} resolves names on its own, so a name that resolves to
 * a public address when checked and to a private one when connecting (DNS rebinding) would get
 * past any check made before calling it; here the checked {@link InetAddress} is the one
 * connected to. Redirects are never followed.
 */
public final class SocketHttpClient {

    private final WebhookSettings settings;
    private final Resolver resolver;
    private final Supplier<SSLSocketFactory> tls;

    /**
     * @param settings timeouts and the private-network policy
     * @param resolver how names become addresses
     * @param tls the TLS socket factory, whose trust store decides which certificates pass; asked for
     *     at each https request, so that one that loads the trust store can wait for the first
     */
    public SocketHttpClient(WebhookSettings settings, Resolver resolver, Supplier<SSLSocketFactory> tls) {
        this.settings = settings;
        this.resolver = resolver;
        this.tls = tls;
    }

    /**
     * Posts a body and reads the answer.
     *
     * @param url an http or https URL with a host
     * @param headers request headers (names and values without line breaks)
     * @param body the request body
     * @return the receiver's answer
     * @throws DestinationRefusedException when the destination is not allowed
     * @throws IOException when resolving, connecting, TLS, sending or reading fails or times out
     */
    public HttpReply post(URI url, Map<String, String> headers, byte[] body)
            throws DestinationRefusedException, IOException {
        Deadline deadline = Deadline.after(settings.requestTimeout());
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        String host = bareHost(url);
        int port = url.getPort() >= 0 ? url.getPort() : https ? 443 : 80;
        InetAddress[] addresses = resolver.resolve(host);
        if (!settings.allowPrivateNetworks()) {
            for (InetAddress address : addresses) {
                Optional<String> blocked = AddressClassifier.blockedRange(address);
                if (blocked.isPresent()) {
                    throw new DestinationRefusedException("destination " + host + " is not allowed: private network ("
                            + address.getHostAddress() + " is " + blocked.get() + ")");
                }
            }
        }
        try (Socket raw = connect(addresses, port, deadline);
                Socket socket = https ? handshake(raw, host, port, deadline) : raw) {
            socket.setSoTimeout(deadline.remainingMillis());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            out.write(head(url, host, port, https, headers, body.length));
            out.write(body);
            out.flush();
            return new HttpReplyReader(new BufferedInputStream(
                    new DeadlineInputStream(socket, socket.getInputStream(), deadline))).read();
        }
    }

    private Socket connect(InetAddress[] addresses, int port, Deadline deadline) throws IOException {
        IOException last = null;
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), deadline.remainingMillis(settings.connectTimeout()));
                return socket;
            } catch (IOException e) {
                socket.close();
                last = e;
            }
        }
        throw last != null ? last : new IOException("no address to connect to");
    }

    private Socket handshake(Socket raw, String host, int port, Deadline deadline) throws IOException {
        SSLSocket socket = (SSLSocket) tls.get().createSocket(raw, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        // Without this, any certificate from a trusted CA would be accepted for any host.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isAddressLiteral(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(deadline.remainingMillis());
        socket.startHandshake();
        return socket;
    }

    private static byte[] head(URI url, String host, int port, boolean https, Map<String, String> headers, int length) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
                + (port == (https ? 443 : 80) ? "" : ":" + port);
        StringBuilder head = new StringBuilder(512)
                .append("POST ").append(target).append(" HTTP/1.1\r\n")
                .append("host: ").append(authority).append("\r\n");
        headers.forEach((name, value) -> head.append(checked(name)).append(": ").append(checked(value)).append("\r\n"));
        head.append("content-length: ").append(length).append("\r\n")
                .append("connection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String checked(String headerText) {
        if (headerText.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("a request header contains a line break");
        }
        return headerText;
    }

    static String bareHost(URI url) {
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("webhook URL has no host");
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1)
                : host.toLowerCase(Locale.ROOT);
    }

    private static boolean isAddressLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }
}
