package org.tokendesk.domain.notice;

import java.time.Instant;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.token.TokenScope;

/**
 * That the owner of an integration confirmed having updated it after a reset: one per (reset,
 * integration that got notices), shared by every channel's delivery of that reset. The link that
 * confirms it is derived from the id ({@link AcknowledgementTokens}); no token is stored.
 *
 * @param id {@code ack_…}
 * @param accountSid the account
 * @param integrationId the integration whose owner confirms
 * @param scope the reset scope
 * @param resetAt when the reset happened
 * @param createdAt when queued (in the reset transaction)
 * @param acknowledgedAt when the owner confirmed, or null
 */
public record Acknowledgement(String id, AccountSid accountSid, String integrationId, TokenScope scope, Instant resetAt,
        Instant createdAt, Instant acknowledgedAt) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
