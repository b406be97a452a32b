package org.tokendesk.domain.notice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The single-use link's token: {@code <ackId>.<base64url HMAC-SHA256(server key, "ack:" + ackId)>}.
 * Nothing secret is stored: the token is rebuilt from the id on every retry of a delivery, and
 * only someone holding the server key can make one (256 bits of MAC; the id alone is worthless).
 * Single use is the acknowledgement's state, not the token's.
 */
public final class AcknowledgementTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern SHAPE = Pattern.compile("ack_[0-9a-f]{24}\\.[A-Za-z0-9_-]{43}");

    private final SecretKeySpec key;

    public AcknowledgementTokens(byte[] serverKey) {
        if (serverKey.length < 32) {
            throw new IllegalArgumentException("the acknowledgement key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(serverKey.clone(), ALGORITHM);
    }

    /** The token of the link for {@code ackId}. */
    public String tokenFor(String ackId) {
        return ackId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(ackId));
    }

    /** The acknowledgement id a token was made for, if the token is genuine (compared in constant time). */
    public Optional<String> verify(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        String id = token.substring(0, dot);
        byte[] presented = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        return MessageDigest.isEqual(mac(id), presented) ? Optional.of(id) : Optional.empty();
    }

    private byte[] mac(String ackId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(("ack:" + ackId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "AcknowledgementTokens[key masked]";
    }
}
