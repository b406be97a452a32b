package org.tokendesk.persistence.internal;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.audit.AuditStore;

final class JdbiAuditStore implements AuditStore {

    private final Handle h;

    JdbiAuditStore(Handle h) {
        this.h = h;
    }

    @Override
    public void append(AuditEvent e) {
        h.createUpdate("INSERT INTO audit_events (at, actor, action, account_sid, ip, details) "
                + "VALUES (:at, :actor, :action, :sid, :ip, :details)").bind("at", e.at().toEpochMilli())
                .bind("actor", e.actor()).bind("action", e.action().wireName())
                .bind("sid", e.accountSid() == null ? null : e.accountSid().value()).bind("ip", e.ip())
                .bind("details", FlatJson.write(e.details())).execute();
    }

    @Override
    public List<AuditEvent> page(AccountSid sid, long beforeId, int limit) {
        return h.createQuery("SELECT id, at, actor, action, account_sid, ip, details FROM audit_events "
                + "WHERE account_sid = :sid AND id < :before ORDER BY id DESC LIMIT :limit")
                .bind("sid", sid.value()).bind("before", beforeId).bind("limit", limit)
                .map((rs, ctx) -> new AuditEvent(rs.getLong("id"), Times.instant(rs, "at"), rs.getString("actor"),
                        AuditAction.fromWire(rs.getString("action")), sid, rs.getString("ip"),
                        FlatJson.read(rs.getString("details"))))
                .list();
    }

    @Override
    public List<AuditEvent> after(long afterId, int limit) {
        return h.createQuery("SELECT id, at, actor, action, account_sid, ip, details FROM audit_events "
                + "WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit)
                .map((rs, ctx) -> {
                    String sid = rs.getString("account_sid");
                    return new AuditEvent(rs.getLong("id"), Times.instant(rs, "at"), rs.getString("actor"),
                            AuditAction.fromWire(rs.getString("action")), sid == null ? null : new AccountSid(sid),
                            rs.getString("ip"), FlatJson.read(rs.getString("details")));
                })
                .list();
    }
}
