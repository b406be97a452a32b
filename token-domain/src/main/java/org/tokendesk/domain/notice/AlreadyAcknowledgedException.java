package org.tokendesk.domain.notice;

import java.time.Instant;
import org.tokendesk.domain.common.DomainException;

/** An acknowledgement link was used before: it is single-use (HTTP 410). */
public final class AlreadyAcknowledgedException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final transient Instant acknowledgedAt;

    public AlreadyAcknowledgedException(Instant acknowledgedAt) {
        super("this link was already used on " + acknowledgedAt);
        this.acknowledgedAt = acknowledgedAt;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }
}
