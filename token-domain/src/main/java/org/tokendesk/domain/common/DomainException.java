package org.tokendesk.domain.common;

/**
 * Root of every error the domain raises. Each subclass maps to one stable problem type at the
 * HTTP edge; messages are shown to callers and therefore never contain a secret.
 */
public abstract class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }
}
