package org.tokendesk.domain.common;

import java.util.List;

/** Well-formed input whose value the current configuration does not accept (HTTP 422). */
public class UnprocessableException extends ValidationException {

    private static final long serialVersionUID = 1L;

    public UnprocessableException(String field, String message) {
        super(List.of(new FieldError(field, message)));
    }
}
