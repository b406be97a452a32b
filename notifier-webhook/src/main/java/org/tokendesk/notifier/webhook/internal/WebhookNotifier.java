package org.tokendesk.notifier.webhook.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.tokendesk.notifier.spi.DeliveryOutcome;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.Notifier;
import org.tokendesk.notifier.spi.Recipient;

/**
 * Delivers one notice as one signed POST. Holds no per-delivery state, so the host may call it
 * from several threads at once.
 */
public final class WebhookNotifier implements Notifier {

    private final WebhookSettings settings;
    private final SocketHttpClient client;
    private final Clock clock;

    /**
     * @param settings the channel settings
     */
    public WebhookNotifier(WebhookSettings settings) {
        this(settings, Resolver.SYSTEM, () -> DefaultTls.FACTORY, Clock.systemUTC());
    }

    WebhookNotifier(WebhookSettings settings, Resolver resolver, SSLSocketFactory tls, Clock clock) {
        this(settings, resolver, () -> tls, clock);
    }

    private WebhookNotifier(WebhookSettings settings, Resolver resolver, Supplier<SSLSocketFactory> tls, Clock clock) {
        this.settings = settings;
        this.client = new SocketHttpClient(settings, resolver, tls);
        this.clock = clock;
    }

    /**
     * The JDK's default TLS socket factory, made at the first https delivery: making it loads and
     * parses the trust store, about 60 ms that every start paid although most webhooks of a test
     * setup, and every webhook of some setups, are plain http.
     */
    private static final class DefaultTls {
        static final SSLSocketFactory FACTORY = (SSLSocketFactory) SSLSocketFactory.getDefault();
    }

    @Override
    public DeliveryOutcome deliver(Notice notice, Recipient recipient) {
        if (recipient.webhookUrl().isEmpty()) {
            return DeliveryOutcome.failed("the integration has no webhook URL");
        }
        URI url = recipient.webhookUrl().get();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return DeliveryOutcome.failed("webhook URL must use http or https");
        }
        String host;
        WebhookSigner signer;
        try {
            host = SocketHttpClient.bareHost(url);
            signer = WebhookSigner.of(recipient.webhookSecrets());
        } catch (IllegalArgumentException e) {
            return DeliveryOutcome.failed(e.getMessage());
        }
        byte[] body = WebhookPayload.json(notice).getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("user-agent", settings.userAgent());
        headers.put("content-type", "application/json");
        headers.put("webhook-id", notice.deliveryId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signer.sign(notice.deliveryId(), timestamp, body));
        return send(url, host, headers, body);
    }

    private DeliveryOutcome send(URI url, String host, Map<String, String> headers, byte[] body) {
        // Reasons name the host only: paths and queries of webhook URLs often carry credentials.
        try {
            return ReplyOutcomes.of(client.post(url, headers, body), clock.instant());
        } catch (DestinationRefusedException e) {
            return DeliveryOutcome.failed(e.getMessage());
        } catch (IllegalArgumentException e) {
            return DeliveryOutcome.failed(e.getMessage());
        } catch (UnknownHostException e) {
            return DeliveryOutcome.retryLater("cannot resolve " + host);
        } catch (ConnectException e) {
            return DeliveryOutcome.retryLater("cannot connect to " + host + ": " + e.getMessage());
        } catch (SocketTimeoutException e) {
            return DeliveryOutcome.retryLater("no answer from " + host + " in time");
        } catch (SSLException e) {
            return DeliveryOutcome.retryLater("TLS with " + host + " failed: " + e.getMessage());
        } catch (IOException e) {
            return DeliveryOutcome.retryLater("delivery to " + host + " failed: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "WebhookNotifier[" + settings + "]";
    }
}
