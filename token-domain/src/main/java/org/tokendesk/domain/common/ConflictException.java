package org.tokendesk.domain.common;

/** The request conflicts with the current state (for example legacy tokens enabled twice). */
public class ConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
