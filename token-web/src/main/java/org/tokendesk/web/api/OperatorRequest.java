package org.tokendesk.web.api;

/**
 * {@code POST /api/v1/operators}.
 *
 * @param email sign-in email
 * @param password initial password
 * @param name display name, optional
 * @param platformAdmin whether the new operator is a platform admin, optional (false)
 */
public record OperatorRequest(String email, String password, String name, Boolean platformAdmin) {

    @Override
    public String toString() {
        return "OperatorRequest[email=" + email + ", password=masked]";
    }
}
