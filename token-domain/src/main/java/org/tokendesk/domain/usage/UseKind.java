package org.tokendesk.domain.usage;

/** What a recorded use of a token was. */
public enum UseKind {
    /** A passing check with the current token. */
    VALID("valid"),
    /** A check with a token that had been reset (an old-token sighting). */
    STALE("stale");

    private final String wireName;

    UseKind(String wireName) {
        this.wireName = wireName;
    }

    /** @return the stored value */
    public String wireName() {
        return wireName;
    }
}
