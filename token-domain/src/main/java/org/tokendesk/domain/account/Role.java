package org.tokendesk.domain.account;

import java.util.Optional;

/** An operator's role in one account. */
public enum Role {
    /** May see everything of the account and change it: reveal, reset, integrations, members. */
    ADMIN("admin"),
    /** May see the card and overview; no secrets, no changes. */
    VIEWER("viewer");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Role> fromWire(String text) {
        for (Role role : values()) {
            if (role.wireName.equals(text)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
