/**
 * Persistence for tokendesk: Jdbi implementations of the domain's stores and transactions, the
 * HikariCP pool, and Flyway migrations for SQLite (embedded default) and PostgreSQL.
 */
module org.tokendesk.persistence {
    requires transitive org.tokendesk.domain;
    requires transitive java.sql;
    requires org.jdbi.v3.core;
    requires io.leangen.geantyref;
    requires com.zaxxer.hikari;
    requires flyway.core;
    requires flyway.database.postgresql;
    requires org.xerial.sqlitejdbc;
    requires org.postgresql.jdbc;
    requires org.slf4j;

    exports org.tokendesk.persistence;

    // Flyway reads the SQL migrations as resources of this module
    opens db.migration.sqlite;
    opens db.migration.postgresql;
}
