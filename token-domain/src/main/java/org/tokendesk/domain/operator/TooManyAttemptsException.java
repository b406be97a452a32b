package org.tokendesk.domain.operator;

import java.time.Duration;
import org.tokendesk.domain.common.DomainException;

/** Sign-in is temporarily locked after repeated failures. */
public class TooManyAttemptsException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("too many failed attempts; try again later");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
