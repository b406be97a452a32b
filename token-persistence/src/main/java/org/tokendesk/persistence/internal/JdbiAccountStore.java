package org.tokendesk.persistence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tokendesk.domain.account.Account;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.account.AccountStore;
import org.tokendesk.domain.account.Membership;
import org.tokendesk.domain.account.Role;

final class JdbiAccountStore implements AccountStore {

    private static final String SELECT = "SELECT a.sid, a.name, a.created_at, "
            + "(SELECT COUNT(*) FROM legacy_token_cards c WHERE c.account_sid = a.sid) AS cards FROM accounts a ";

    private final Handle h;

    JdbiAccountStore(Handle h) {
        this.h = h;
    }

    @Override
    public void insert(Account account) {
        h.createUpdate("INSERT INTO accounts (sid, name, created_at) VALUES (:sid, :name, :at)")
                .bind("sid", account.sid().value()).bind("name", account.name())
                .bind("at", account.createdAt().toEpochMilli()).execute();
    }

    @Override
    public Optional<Account> find(AccountSid sid) {
        return h.createQuery(SELECT + "WHERE a.sid = :sid").bind("sid", sid.value())
                .map((rs, ctx) -> account(rs)).findOne();
    }

    @Override
    public List<Account> listForMember(String operatorId) {
        return h.createQuery(SELECT + "JOIN memberships m ON m.account_sid = a.sid WHERE m.operator_id = :op "
                + "ORDER BY a.created_at, a.sid").bind("op", operatorId).map((rs, ctx) -> account(rs)).list();
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(new AccountSid(rs.getString("sid")), rs.getString("name"), rs.getLong("cards") > 0,
                Times.instant(rs, "created_at"));
    }

    @Override
    public Optional<Role> role(AccountSid sid, String operatorId) {
        return h.createQuery("SELECT role FROM memberships WHERE account_sid = :sid AND operator_id = :op")
                .bind("sid", sid.value()).bind("op", operatorId).mapTo(String.class).findOne()
                .flatMap(Role::fromWire);
    }

    @Override
    public void putMember(Membership membership) {
        h.createUpdate("INSERT INTO memberships (account_sid, operator_id, role) VALUES (:sid, :op, :role) "
                + "ON CONFLICT (account_sid, operator_id) DO UPDATE SET role = excluded.role")
                .bind("sid", membership.accountSid().value()).bind("op", membership.operatorId())
                .bind("role", membership.role().wireName()).execute();
    }

    @Override
    public boolean removeMember(AccountSid sid, String operatorId) {
        return h.createUpdate("DELETE FROM memberships WHERE account_sid = :sid AND operator_id = :op")
                .bind("sid", sid.value()).bind("op", operatorId).execute() > 0;
    }

    @Override
    public long countAdmins(AccountSid sid) {
        return h.createQuery("SELECT COUNT(*) FROM memberships WHERE account_sid = :sid AND role = 'admin'")
                .bind("sid", sid.value()).mapTo(Long.class).one();
    }
}
