package org.tokendesk.web.api;

import java.time.Instant;

/**
 * The answer to using an acknowledgement link with {@code Accept: application/json}.
 *
 * @param acknowledgedAt when the owner confirmed the update
 * @param integrationId the integration
 * @param accountSid the account
 * @param scope the reset scope
 */
public record AcknowledgementView(Instant acknowledgedAt, String integrationId, String accountSid, String scope) {
}
