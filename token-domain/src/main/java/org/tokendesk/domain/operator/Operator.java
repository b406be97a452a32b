package org.tokendesk.domain.operator;

import java.time.Instant;

/**
 * A person who signs in.
 *
 * @param id stable id ({@code op_…})
 * @param email lower-cased sign-in email, unique
 * @param name display name
 * @param passwordHash the encoded password hash (never the password)
 * @param platformAdmin whether they manage accounts and operators
 * @param locale preferred UI language ({@code en}, {@code de}), or null for the browser's
 * @param createdAt when created
 */
public record Operator(String id, String email, String name, String passwordHash, boolean platformAdmin,
        String locale, Instant createdAt) {

    @Override
    public String toString() {
        return "Operator[id=" + id + ", email=" + email + ", platformAdmin=" + platformAdmin + "]";
    }
}
