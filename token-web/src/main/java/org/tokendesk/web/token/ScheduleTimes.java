package org.tokendesk.web.token;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.tokendesk.domain.common.ValidationException;

/** Reads {@code at}, the time of a scheduled reset; the domain checks that it lies ahead. */
public final class ScheduleTimes {

    private ScheduleTimes() {
    }

    /**
     * @param at an ISO-8601 date and time with a zone offset ({@code 2026-12-06T02:00:00Z},
     *     {@code 2026-12-06T03:00:00+01:00})
     * @return the instant, or null when absent (a reset now)
     */
    public static Instant parse(String at) {
        if (at == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(at, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw ValidationException.of("at", "must be an ISO-8601 date and time with an offset, such as "
                    + "2026-12-06T02:00:00Z");
        }
    }
}
