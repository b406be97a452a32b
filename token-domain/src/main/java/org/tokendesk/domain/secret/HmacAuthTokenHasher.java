package org.tokendesk.domain.secret;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a server pepper. A stolen database alone therefore does not allow offline
 * guessing of imported (lower-entropy) tokens. A {@link Mac} per thread avoids both locking and
 * per-call provider lookups on the credential-check hot path.
 */
public final class HmacAuthTokenHasher implements AuthTokenHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadLocal<Mac> macs;

    public HmacAuthTokenHasher(byte[] pepper) {
        if (pepper.length < 32) {
            throw new IllegalArgumentException("the pepper must have at least 32 bytes");
        }
        SecretKeySpec key = new SecretKeySpec(pepper.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public TokenHash hash(CharSequence secret) {
        Mac mac = macs.get();
        if (secret instanceof String text) {
            // the hot path (every check): one exact-size copy instead of an encoder's buffer
            return new TokenHash(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
        mac.update(StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret)));
        return new TokenHash(mac.doFinal());
    }

    @Override
    public String toString() {
        return "HmacAuthTokenHasher[pepper masked]";
    }
}
