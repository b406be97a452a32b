package org.tokendesk.domain.common;

import java.util.List;

/** Input that breaks a rule; lists every offending field at once. */
public class ValidationException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One offending field; {@code message} says what is expected, never echoes a secret. */
    public record FieldError(String field, String message) {
    }
}
