package org.tokendesk.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem: every error body of the API.
 *
 * @param type stable identifier of the kind of problem
 * @param title short, stable summary
 * @param status the HTTP status
 * @param detail what went wrong this time (never a secret, never a stack trace)
 * @param errors field errors of a validation failure
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /**
     * @param field the JSON field (or header) at fault
     * @param message what is expected
     */
    public record FieldError(String field, String message) {
    }
}
