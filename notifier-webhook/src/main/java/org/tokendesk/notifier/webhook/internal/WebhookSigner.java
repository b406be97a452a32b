package org.tokendesk.notifier.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhooks as Standard Webhooks: {@code v1,} and the base64 HMAC-SHA256 over
 * {@code id.timestamp.body}, once per secret, space-separated, so receivers keep verifying while
 * a secret is rotated.
 */
public final class WebhookSigner {

    private static final String PREFIX = "whsec_";
    private static final String HMAC = "HmacSHA256";

    private final List<byte[]> keys;

    private WebhookSigner(List<byte[]> keys) {
        this.keys = keys;
    }

    /**
     * @param secrets {@code whsec_…} secrets, newest first
     * @return a signer with one key per secret
     * @throws IllegalArgumentException when a secret is not base64 after {@code whsec_}; the
     *     message says which one without showing it
     */
    public static WebhookSigner of(List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("the integration has no webhook signing secret");
        }
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            String secret = secrets.get(i);
            String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
            try {
                byte[] key = Base64.getDecoder().decode(encoded);
                if (key.length == 0) {
                    throw new IllegalArgumentException("empty");
                }
                keys.add(key);
            } catch (IllegalArgumentException e) {
                // The decoder's message quotes the offending character, so it is not passed on.
                throw new IllegalArgumentException("webhook signing secret #" + (i + 1)
                        + " is not a valid whsec_ secret");
            }
        }
        return new WebhookSigner(List.copyOf(keys));
    }

    /**
     * @param id the {@code webhook-id}
     * @param timestamp the {@code webhook-timestamp}, unix seconds
     * @param body the exact bytes sent
     * @return the {@code webhook-signature} header value
     */
    public String sign(String id, long timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        return keys.stream().map(key -> "v1," + hmac(key, prefix, body)).collect(Collectors.joining(" "));
    }

    private static String hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            mac.update(prefix);
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSigner[" + keys.size() + " keys, masked]";
    }
}
