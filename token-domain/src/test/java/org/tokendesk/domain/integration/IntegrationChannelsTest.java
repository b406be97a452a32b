package org.tokendesk.domain.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.token.TokenScope;

class IntegrationChannelsTest {

    static Integration integration(URI webhook, String disabledReason) {
        return new Integration("int_1", new AccountSid("AC" + "0".repeat(32)), "billing", "Olga", "olga@example.com", "en",
                webhook, Set.of(TokenScope.READ_WRITE), List.of("email", "webhook", "slack"), disabledReason,
                Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void a_reset_notifies_only_over_channels_the_node_can_deliver() {
        var i = integration(URI.create("https://hooks.example.com/x"), null);
        assertEquals(List.of("webhook", "slack"), i.notifiedChannels(Set.of("webhook", "slack")));
        assertEquals(List.of("email", "webhook", "slack"), i.notifiedChannels(Set.of("email", "webhook", "slack")));
    }

    @Test
    void a_turned_off_or_missing_webhook_is_never_notified() {
        assertEquals(List.of("email", "slack"), integration(URI.create("https://hooks.example.com/x"), "HTTP 410")
                .notifiedChannels(Set.of("email", "webhook", "slack")));
        assertEquals(List.of("email", "slack"), integration(null, null).notifiedChannels(Set.of("email", "webhook", "slack")));
    }
}
