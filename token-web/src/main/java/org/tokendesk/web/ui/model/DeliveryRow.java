package org.tokendesk.web.ui.model;

import java.time.Instant;

/**
 * One delivery in the log.
 *
 * @param id {@code msg_…}
 * @param integrationName the integration told
 * @param channel the channel
 * @param type the notice type
 * @param scope the reset scope's wire name
 * @param status pending, delivered or failed
 * @param attempts attempts so far
 * @param nextAttemptAt when a pending one is due, or null
 * @param lastError what the last failure said, or null
 * @param createdAt when queued
 * @param deliveredAt when delivered, or null
 * @param acknowledgedAt when the owner confirmed the update with the notice's link, or null
 */
public record DeliveryRow(String id, String integrationName, String channel, String type, String scope, String status,
        int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant deliveredAt,
        Instant acknowledgedAt) {
}
