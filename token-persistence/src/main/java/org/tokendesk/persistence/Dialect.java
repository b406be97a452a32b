package org.tokendesk.persistence;

/** The two database engines tokendesk runs on. */
public enum Dialect {
    /** Embedded default: one node; writers are serialized by the database lock. */
    SQLITE("sqlite"),
    /** Production and several nodes: row locks, {@code SKIP LOCKED}. */
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    public String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }

    /** @return the suffix that locks selected rows until the transaction ends */
    public String forUpdate() {
        return this == POSTGRESQL ? " FOR UPDATE" : "";
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL: use jdbc:sqlite:… or jdbc:postgresql://…");
    }
}
