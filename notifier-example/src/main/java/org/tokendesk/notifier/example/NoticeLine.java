package org.tokendesk.notifier.example;

import java.time.Instant;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.Recipient;

/**
 * One notice as one line of JSON. Written by hand so the plugin needs nothing but the SPI; a real
 * plugin may bundle a JSON library instead, since each plugin gets its own class loader.
 */
final class NoticeLine {

    private NoticeLine() {
    }

    static String json(Notice notice, Recipient recipient) {
        StringBuilder json = new StringBuilder(512).append('{');
        field(json, "deliveryId", notice.deliveryId());
        field(json, "type", notice.type());
        field(json, "occurredAt", notice.occurredAt().toString());
        field(json, "accountSid", notice.accountSid());
        field(json, "scope", notice.scope());
        field(json, "resetAt", notice.resetAt().toString());
        field(json, "resetBy", notice.resetBy());
        field(json, "previousTokenHint", notice.previousTokenHint());
        field(json, "apiVersion", notice.apiVersion());
        field(json, "integrationId", notice.integrationId());
        field(json, "integrationName", notice.integrationName());
        field(json, "credentialsUrl", notice.credentialsUrl().toString());
        notice.oldTokenValidUntil().map(Instant::toString).ifPresent(v -> field(json, "oldTokenValidUntil", v));
        // the link is the owner's single-use credential: a log file only says whether there was one
        field(json, "acknowledgeLink", notice.acknowledgeUrl().isPresent() ? "present" : "none");
        field(json, "ownerEmail", recipient.ownerEmail());
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        if (json.length() > 1) {
            json.append(',');
        }
        quote(json, name);
        json.append(':');
        quote(json, value);
    }

    private static void quote(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                // Escaping line breaks is what keeps one notice on one line.
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
