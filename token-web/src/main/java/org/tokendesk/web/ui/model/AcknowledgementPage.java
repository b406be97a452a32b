package org.tokendesk.web.ui.model;

import java.time.Instant;

/**
 * The owner's confirmation page: what the link is about and, while unused, the one button.
 *
 * @param chrome the frame (no session, no form token: the link is the permission)
 * @param action where the button posts (the link itself)
 * @param accountSid the account
 * @param scope the reset scope's wire name
 * @param integrationName the integration
 * @param resetAt when the reset happened
 * @param acknowledgedAt when the link was used, or null while it is not
 * @param justAcknowledged whether this request used it (the thank-you page)
 */
public record AcknowledgementPage(Chrome chrome, String action, String accountSid, String scope, String integrationName,
        Instant resetAt, Instant acknowledgedAt, boolean justAcknowledged) {
}
