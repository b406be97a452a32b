package org.tokendesk.domain.notice;

import java.time.Instant;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.notifier.spi.StaleUse;

/**
 * One attempt-tracked send of a notice over one channel: an outbox row. The notice's content is
 * a snapshot taken in the reset transaction; the recipient is read when delivering.
 *
 * @param id {@code msg_…}: the same on every attempt ({@code webhook-id}, {@code Message-ID})
 * @param accountSid the account
 * @param integrationId the integration whose owner is told
 * @param integrationName its name at the time of the reset
 * @param channel the notifier id
 * @param type {@code token.reset}, …
 * @param scope the reset scope
 * @param resetAt when the old token stopped passing checks
 * @param resetBy who reset it
 * @param previousTokenHint the old token's hint
 * @param apiVersion the card's API version
 * @param status pending, delivered or failed
 * @param attempts attempts made so far
 * @param retryStep how many steps of the retry schedule are used up (reset by redeliver)
 * @param nextAttemptAt when a pending delivery is due
 * @param lastError what the last failed attempt said (truncated, no secret)
 * @param createdAt when queued
 * @param deliveredAt when delivered, or null
 * @param staleUse for a stale-use reminder: the sighting summary it reports; otherwise null
 * @param ackId the acknowledgement the notice asks for (shared by the integration's channels), or null
 * @param oldTokenValidUntil until when the old token still passes checks (a grace period), or null
 */
public record Delivery(String id, AccountSid accountSid, String integrationId, String integrationName, String channel,
        String type, TokenScope scope, Instant resetAt, String resetBy, String previousTokenHint, String apiVersion,
        DeliveryStatus status, int attempts, int retryStep, Instant nextAttemptAt, String lastError, Instant createdAt,
        Instant deliveredAt, StaleUse staleUse, String ackId, Instant oldTokenValidUntil) {
}
