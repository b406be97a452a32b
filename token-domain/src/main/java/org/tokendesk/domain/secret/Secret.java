package org.tokendesk.domain.secret;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A secret value on its way to the one place allowed to show it (an HTTP answer). Its
 * {@link #toString()} is masked so that a secret never reaches a log by accident.
 */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** @return the secret itself; call only where it is meant to be shown */
    public String reveal() {
        return value;
    }

    /** @return {@code …} and the last four characters */
    public String hint() {
        return hintOf(value);
    }

    /** Short (imported) secrets get no characters in their hint: four of eight would give half away. */
    public static String hintOf(String secret) {
        return secret.length() < 16 ? "…" : "…" + secret.substring(secret.length() - 4);
    }

    /** Constant-time comparison. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && matches(that.value);
    }

    @Override
    public int hashCode() {
        return 0; // equal secrets must hash alike; a constant avoids deriving anything from the value
    }

    @Override
    public String toString() {
        return "Secret[masked]";
    }
}
