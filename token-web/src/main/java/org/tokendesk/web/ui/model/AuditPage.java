package org.tokendesk.web.ui.model;

import java.time.Instant;
import java.util.List;

/**
 * One page of the audit log.
 *
 * @param chrome the frame
 * @param events newest first
 * @param olderHref the next page, or null at the end
 * @param newestHref the first page, or null on it
 */
public record AuditPage(Chrome chrome, List<Row> events, String olderHref, String newestHref) {

    public AuditPage {
        events = List.copyOf(events);
    }

    /**
     * One event.
     *
     * @param at when
     * @param actor who
     * @param action what (wire name)
     * @param ip from where
     * @param details the details as {@code key: value} pairs
     */
    public record Row(Instant at, String actor, String action, String ip, List<String> details) {

        public Row {
            details = List.copyOf(details);
        }
    }
}
