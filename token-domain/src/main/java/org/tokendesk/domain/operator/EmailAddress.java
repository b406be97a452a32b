package org.tokendesk.domain.operator;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Normalizes and checks email addresses; deliberately simple, the mail server is the judge. */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile("^[^\\s@<>()\\[\\],;:\"]+@[^\\s@<>()\\[\\],;:\"]+$");

    private EmailAddress() {
    }

    /**
     * @param text user input
     * @return the lower-cased address when it has the shape of one
     */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        return trimmed.length() <= 254 && SHAPE.matcher(trimmed).matches() ? Optional.of(trimmed) : Optional.empty();
    }
}
