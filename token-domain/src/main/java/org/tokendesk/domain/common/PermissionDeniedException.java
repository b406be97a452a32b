package org.tokendesk.domain.common;

/** The caller is known and may see the thing, but their role does not allow this action. */
public class PermissionDeniedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String message) {
        super(message);
    }
}
