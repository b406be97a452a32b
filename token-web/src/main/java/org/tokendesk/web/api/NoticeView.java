package org.tokendesk.web.api;

import java.time.Instant;
import java.util.List;

/**
 * One delivery of a notice.
 *
 * @param id {@code msg_…}, also the receiver's idempotency key
 * @param integrationId the integration
 * @param integrationName its name at the time
 * @param channel the channel
 * @param type {@code token.reset}, …
 * @param scope the reset scope
 * @param status pending, delivered, failed
 * @param attempts attempts so far
 * @param nextAttemptAt when a pending one is due
 * @param lastError the last failure, or null
 * @param createdAt when queued
 * @param deliveredAt when delivered, or null
 * @param acknowledgedAt when the integration's owner confirmed the update with the notice's link, or null
 */
public record NoticeView(String id, String integrationId, String integrationName, String channel, String type,
        String scope, String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
        Instant deliveredAt, Instant acknowledgedAt) {

    /** @param notices newest first */
    public record NoticeList(List<NoticeView> notices) {
    }
}
