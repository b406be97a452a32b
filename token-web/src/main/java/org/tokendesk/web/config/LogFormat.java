package org.tokendesk.web.config;

import java.util.Locale;
import java.util.Optional;

/** How log lines look: readable text (default) or one JSON object per line, for log shippers. */
public enum LogFormat {
    TEXT("text"),
    JSON("json");

    /** The setting that chooses the format. */
    public static final String VARIABLE = "TOKENDESK_LOG_FORMAT";

    private final String wireName;

    LogFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @return the format named by the text ({@code text} or {@code json}, any case), if it names one */
    public static Optional<LogFormat> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(TEXT);
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (LogFormat format : values()) {
            if (format.wireName.equals(t)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
