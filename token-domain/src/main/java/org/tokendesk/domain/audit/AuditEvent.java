package org.tokendesk.domain.audit;

import java.time.Instant;
import java.util.Map;
import org.tokendesk.domain.account.AccountSid;

/**
 * Who did what, when, from where. Details never hold a secret: hints at most.
 *
 * @param id sequence number, assigned by the store (0 before it is stored)
 * @param at when
 * @param actor operator email, or {@code system}
 * @param action what
 * @param accountSid the account concerned, or null for platform events
 * @param ip client address
 * @param details small string map, for example scope and old token hint
 */
public record AuditEvent(long id, Instant at, String actor, AuditAction action, AccountSid accountSid, String ip,
        Map<String, String> details) {

    public AuditEvent {
        details = Map.copyOf(details);
    }
}
