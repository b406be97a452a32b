package org.tokendesk.notifier.webhook.internal;

import java.time.format.DateTimeFormatter;
import org.tokendesk.notifier.spi.Notice;

/**
 * The JSON body of a webhook, in the Standard Webhooks shape {@code {type, timestamp, data}}.
 * It carries the old token's hint and never a token.
 */
public final class WebhookPayload {

    private WebhookPayload() {
    }

    /**
     * @param notice what happened
     * @return the JSON text
     */
    public static String json(Notice notice) {
        JsonObject data = new JsonObject()
                .put("accountSid", notice.accountSid())
                .put("scope", notice.scope())
                .put("resetAt", DateTimeFormatter.ISO_INSTANT.format(notice.resetAt()))
                .put("resetBy", notice.resetBy())
                .put("previousTokenHint", notice.previousTokenHint())
                .put("apiVersion", notice.apiVersion())
                .put("integrationId", notice.integrationId())
                .put("integrationName", notice.integrationName());
        notice.oldTokenValidUntil().ifPresent(until -> data.put("oldTokenValidUntil",
                DateTimeFormatter.ISO_INSTANT.format(until)));
        notice.acknowledgeUrl().ifPresent(url -> data.put("acknowledgeUrl", url.toString()));
        notice.staleUse().ifPresent(use -> data.put("staleUse", new JsonObject()
                .put("count", use.count())
                .put("clients", use.clients())
                .put("firstSeenAt", DateTimeFormatter.ISO_INSTANT.format(use.firstSeenAt()))
                .put("lastSeenAt", DateTimeFormatter.ISO_INSTANT.format(use.lastSeenAt()))));
        return new JsonObject()
                .put("type", notice.type())
                .put("timestamp", DateTimeFormatter.ISO_INSTANT.format(notice.occurredAt()))
                .put("data", data)
                .toString();
    }
}
