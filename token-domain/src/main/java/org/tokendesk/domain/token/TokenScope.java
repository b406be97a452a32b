package org.tokendesk.domain.token;

import java.util.Optional;

/** The two Auth Tokens of a legacy token card. */
public enum TokenScope {
    /** Passes checks for every method. */
    READ_WRITE("read_write", "read-write", "rw"),
    /** Passes checks only for GET, HEAD and OPTIONS. */
    READ_ONLY("read_only", "read-only", "ro");

    private final String wireName;
    private final String pathName;
    private final String tokenPrefix;

    TokenScope(String wireName, String pathName, String shortName) {
        this.wireName = wireName;
        this.pathName = pathName;
        this.tokenPrefix = "td" + shortName + "_";
    }

    /** @return the JSON and header value ({@code read_write}) */
    public String wireName() {
        return wireName;
    }

    /** @return the URL segment ({@code read-write}) */
    public String pathName() {
        return pathName;
    }

    /** @return the prefix of generated tokens of this scope ({@code tdrw_}) */
    public String tokenPrefix() {
        return tokenPrefix;
    }

    /**
     * @param method the HTTP method being authorized, any case
     * @return whether a token of this scope authorizes it
     */
    public boolean permits(String method) {
        if (this == READ_WRITE) {
            return true;
        }
        return "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method) || "OPTIONS".equalsIgnoreCase(method);
    }

    public static Optional<TokenScope> fromWire(String text) {
        for (TokenScope scope : values()) {
            if (scope.wireName.equals(text)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    public static Optional<TokenScope> fromPath(String text) {
        for (TokenScope scope : values()) {
            if (scope.pathName.equals(text)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
