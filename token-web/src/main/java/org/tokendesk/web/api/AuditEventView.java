package org.tokendesk.web.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One audit event.
 *
 * @param id sequence number
 * @param at when
 * @param actor who
 * @param action what
 * @param accountSid the account
 * @param ip from where
 * @param details what else (no secret)
 */
public record AuditEventView(long id, Instant at, String actor, String action, String accountSid, String ip,
        Map<String, String> details) {

    /**
     * @param events newest first
     * @param next cursor of the next page ({@code ?before=}), or null
     */
    public record AuditPage(List<AuditEventView> events, String next) {
    }
}
