package org.tokendesk.persistence.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * One INSERT for many rows through the handle's own JDBC connection, in its transaction. A reset of
 * an account with 1,000 integrations inserts 1,000 outbox rows of 24 columns: Jdbi's named binding
 * (an argument factory looked up and a wrapper made per value) cost more than SQLite's insert itself.
 */
final class JdbcBatch {

    private JdbcBatch() {
    }

    /** Sets one row's values in the order of the statement's {@code ?}. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(T row, Values values) throws SQLException;
    }

    /** Inserts the rows with {@code sql} (positional parameters); failures surface as Jdbi's do. */
    static <T> void insert(Handle h, String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = h.getConnection().prepareStatement(sql)) {
            Values values = new Values(statement);
            for (T row : rows) {
                values.next = 1;
                binder.bind(row, values);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new BatchFailedException("a batch of " + rows.size() + " inserts failed", e);
        }
    }

    /** The next parameter's value; null is SQL NULL. */
    static final class Values {

        private final PreparedStatement statement;
        private int next;

        private Values(PreparedStatement statement) {
            this.statement = statement;
        }

        Values text(String value) throws SQLException {
            if (value == null) {
                statement.setNull(next++, Types.VARCHAR);
            } else {
                statement.setString(next++, value);
            }
            return this;
        }

        Values integer(Integer value) throws SQLException {
            if (value == null) {
                statement.setNull(next++, Types.INTEGER);
            } else {
                statement.setInt(next++, value);
            }
            return this;
        }

        /** An instant as epoch milliseconds, as every time column holds it. */
        Values millis(Instant value) throws SQLException {
            if (value == null) {
                statement.setNull(next++, Types.BIGINT);
            } else {
                statement.setLong(next++, value.toEpochMilli());
            }
            return this;
        }
    }

    /** A failed batch, as a {@link JdbiException}: the transactions translate it like any other. */
    static final class BatchFailedException extends JdbiException {

        private static final long serialVersionUID = 1L;

        BatchFailedException(String message, SQLException cause) {
            super(message, cause);
        }
    }
}
