package org.tokendesk.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tokendesk.domain.operator.Operator;
import org.tokendesk.domain.operator.OperatorStore;

final class JdbiOperatorStore implements OperatorStore {

    private static final String SELECT =
            "SELECT id, email, name, password_hash, platform_admin, locale, created_at FROM operators ";

    private final Handle h;

    JdbiOperatorStore(Handle h) {
        this.h = h;
    }

    @Override
    public void insert(Operator o) {
        h.createUpdate("INSERT INTO operators (id, email, name, password_hash, platform_admin, locale, created_at) "
                + "VALUES (:id, :email, :name, :hash, :admin, :locale, :at)").bind("id", o.id())
                .bind("email", o.email()).bind("name", o.name()).bind("hash", o.passwordHash())
                .bind("admin", o.platformAdmin()).bind("locale", o.locale()).bind("at", o.createdAt().toEpochMilli())
                .execute();
    }

    @Override
    public Optional<Operator> findByEmail(String normalizedEmail) {
        return h.createQuery(SELECT + "WHERE email = :email").bind("email", normalizedEmail)
                .map((rs, ctx) -> operator(rs)).findOne();
    }

    @Override
    public Optional<Operator> findById(String id) {
        return h.createQuery(SELECT + "WHERE id = :id").bind("id", id).map((rs, ctx) -> operator(rs)).findOne();
    }

    private static Operator operator(ResultSet rs) throws SQLException {
        return new Operator(rs.getString("id"), rs.getString("email"), rs.getString("name"),
                rs.getString("password_hash"), rs.getBoolean("platform_admin"), rs.getString("locale"),
                Times.instant(rs, "created_at"));
    }

    @Override
    public long count() {
        return h.createQuery("SELECT COUNT(*) FROM operators").mapTo(Long.class).one();
    }

    @Override
    public void updatePassword(String operatorId, String passwordHash) {
        h.createUpdate("UPDATE operators SET password_hash = :hash WHERE id = :id").bind("hash", passwordHash)
                .bind("id", operatorId).execute();
    }
}
