package org.tokendesk.domain.operator;

import java.util.Locale;
import java.util.Set;
import org.tokendesk.domain.common.ValidationException;

/** What a password must be: long enough and not one of the most common ones. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private final Set<String> common;

    /** @param commonPasswords lower-cased passwords that are refused */
    public PasswordPolicy(Set<String> commonPasswords) {
        this.common = Set.copyOf(commonPasswords);
    }

    /**
     * @param field the field name for the error
     * @param password the candidate (never echoed)
     */
    public void check(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ValidationException.of(field, "must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw ValidationException.of(field, "must have at most " + MAX_LENGTH + " characters");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            throw ValidationException.of(field, "is one of the most common passwords; choose another");
        }
    }
}
