package org.tokendesk.domain.operator;

/**
 * The signed-in operator on whose behalf a use case runs.
 *
 * @param operatorId the operator
 * @param email their email, recorded in audit events
 * @param platformAdmin whether they manage accounts and operators
 */
public record Actor(String operatorId, String email, boolean platformAdmin) {

    public static Actor of(Operator operator) {
        return new Actor(operator.id(), operator.email(), operator.platformAdmin());
    }
}
