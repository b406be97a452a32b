package org.tokendesk.web.token;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.tokendesk.domain.common.ValidationException;

/** Reads {@code oldTokenValidFor}; the domain checks the range. */
final class GracePeriods {

    private GracePeriods() {
    }

    /** @return the duration, zero when absent */
    static Duration parse(String oldTokenValidFor) {
        if (oldTokenValidFor == null) {
            return Duration.ZERO;
        }
        try {
            return Duration.parse(oldTokenValidFor);
        } catch (DateTimeParseException e) {
            throw ValidationException.of("oldTokenValidFor", "must be an ISO-8601 duration such as PT1H");
        }
    }
}
