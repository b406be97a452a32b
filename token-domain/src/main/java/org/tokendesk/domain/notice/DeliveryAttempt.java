package org.tokendesk.domain.notice;

import java.time.Instant;

/**
 * One attempt, kept for the delivery log.
 *
 * @param deliveryId the delivery
 * @param number 1 for the first attempt
 * @param at when it started
 * @param durationMillis how long it took
 * @param result {@code delivered}, {@code retry}, {@code failed} or {@code gone}
 * @param detail the receiver's answer or the error (truncated, no secret)
 */
public record DeliveryAttempt(String deliveryId, int number, Instant at, long durationMillis, String result,
        String detail) {
}
