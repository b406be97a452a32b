package org.tokendesk.persistence;

import java.util.Objects;

/**
 * How to reach the database.
 *
 * @param jdbcUrl {@code jdbc:sqlite:…} or {@code jdbc:postgresql://…}
 * @param user user name, or null
 * @param password password, or null (never printed)
 * @param maxPoolSize connections in the pool
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    public Dialect dialect() {
        return Dialect.of(jdbcUrl);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + jdbcUrl.replaceAll("password=[^&;]*", "password=masked") + ", user=" + user
                + ", password=" + (password == null ? "none" : "masked") + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
