package org.tokendesk.domain.common;

/** The database could not be reached; callers fail closed. */
public class StoreUnavailableException extends DomainException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
