package org.tokendesk.domain.common;

/** No valid session or management key, or wrong sign-in credentials. */
public class NotAuthenticatedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotAuthenticatedException(String message) {
        super(message);
    }
}
