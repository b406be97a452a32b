package org.tokendesk.web.token;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.tokendesk.domain.common.ValidationException;

/** Reads {@code oldTokenValidFor} (the API's field and the reset page's select); the domain checks the range. */
public final class GracePeriods {

    private GracePeriods() {
    }

    /** @return the duration, zero when absent */
    public static Duration parse(String oldTokenValidFor) {
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
