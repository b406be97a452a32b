package org.tokendesk.domain.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.integration.IntegrationDraft;
import org.tokendesk.domain.testing.Fixture;
import org.tokendesk.domain.token.LegacyTokenService;
import org.tokendesk.domain.token.ResetResult;
import org.tokendesk.domain.token.TokenScope;

class NoticePlannerTest {

    private final NoticeWorld w = new NoticeWorld();

    private Set<String> queued() {
        return w.deliveries().stream().map(d -> d.integrationName() + "/" + d.channel()).collect(Collectors.toSet());
    }

    private void disableWebhook(Integration integration) {
        w.world.tx().write(s -> {
            s.integrations().disableWebhook(integration.id(), "HTTP 410 Gone", w.world.clock().instant());
            return null;
        });
    }

    @Test
    void a_reset_queues_one_row_per_dependent_integration_and_active_channel() {
        w.integration("Both scopes", NoticeWorld.HOOK, null, TokenScope.READ_WRITE, TokenScope.READ_ONLY);
        w.integration("Writer", null, null, TokenScope.READ_WRITE);
        w.integration("Reader", NoticeWorld.HOOK, null, TokenScope.READ_ONLY);

        ResetResult result = w.reset(TokenScope.READ_WRITE);

        assertEquals(Set.of("Both scopes/email", "Both scopes/webhook", "Writer/email"), queued());
        assertEquals(3, w.deliveries().size());
        assertEquals(3, result.noticesQueued());
    }

    @Test
    void integrations_of_other_accounts_are_not_told() {
        AccountSid other = w.world.account("Other", w.admin);
        w.integration(other, "Elsewhere", NoticeWorld.HOOK, null, TokenScope.READ_WRITE);

        ResetResult result = w.reset(TokenScope.READ_WRITE);

        assertEquals(List.of(), w.deliveries());
        assertEquals(0, result.noticesQueued());
    }

    @Test
    void a_channel_the_node_cannot_deliver_over_is_not_queued() {
        w.nodeChannels("email", "webhook", "slack");
        w.integration("Chat", null, List.of("email", "slack"), TokenScope.READ_WRITE);
        w.nodeChannels("email", "webhook"); // the plugin was removed since

        ResetResult result = w.reset(TokenScope.READ_WRITE);

        assertEquals(Set.of("Chat/email"), queued());
        assertEquals(1, result.noticesQueued());
    }

    @Test
    void a_plugin_channel_available_on_the_node_is_queued() {
        w.nodeChannels("email", "webhook", "slack");
        w.integration("Chat", null, List.of("slack"), TokenScope.READ_ONLY);
        assertEquals(1, w.reset(TokenScope.READ_ONLY).noticesQueued());
        assertEquals(Set.of("Chat/slack"), queued());
    }

    @Test
    void a_disabled_webhook_is_not_queued() {
        Integration integration = w.webhookIntegration();
        disableWebhook(integration);

        ResetResult result = w.reset(TokenScope.READ_WRITE);

        assertEquals(Set.of("Billing sync/email"), queued());
        assertEquals(1, result.noticesQueued());
    }

    @Test
    void a_reset_without_integrations_queues_nothing() {
        assertEquals(0, w.reset(TokenScope.READ_ONLY).noticesQueued());
        assertEquals(List.of(), w.deliveries());
    }

    @Test
    void each_row_carries_a_snapshot_of_the_reset() {
        Integration integration = w.webhookIntegration();
        String previousHint = w.tokens.card(w.admin, w.sid).readWrite().hint();
        w.world.clock().advance(Duration.ofMinutes(7));

        ResetResult result = w.reset(TokenScope.READ_WRITE);
        w.integrations.update(w.admin, w.sid, integration.id(),
                new IntegrationDraft("Renamed later", null, null, null, null, null, null), Fixture.ORIGIN);

        for (Delivery d : w.deliveries()) {
            assertTrue(d.id().startsWith("msg_"), d.id());
            assertEquals(w.sid, d.accountSid());
            assertEquals(integration.id(), d.integrationId());
            assertEquals("Billing sync", d.integrationName());
            assertEquals("token.reset", d.type());
            assertEquals(TokenScope.READ_WRITE, d.scope());
            assertEquals(result.resetAt(), d.resetAt());
            assertEquals("admin@example.com", d.resetBy());
            assertEquals(previousHint, d.previousTokenHint());
            assertEquals("v13", d.apiVersion());
            assertEquals(DeliveryStatus.PENDING, d.status());
            assertEquals(0, d.attempts());
            assertEquals(0, d.retryStep());
            assertEquals(result.resetAt(), d.nextAttemptAt());
            assertEquals(result.resetAt(), d.createdAt());
            assertNull(d.lastError());
            assertNull(d.deliveredAt());
            assertNull(d.oldTokenValidUntil(), "no grace period was chosen");
        }
        assertEquals(2, w.deliveries().stream().map(Delivery::id).distinct().count());
    }

    @Test
    void a_reset_with_a_grace_period_queues_rows_that_say_until_when_the_old_token_works() {
        w.webhookIntegration();

        ResetResult result = w.tokens.reset(w.admin, w.sid, TokenScope.READ_WRITE, Duration.ofHours(2), Fixture.ORIGIN);

        assertEquals(result.resetAt().plus(Duration.ofHours(2)), result.oldTokenValidUntil());
        assertEquals(2, w.deliveries().size());
        for (Delivery d : w.deliveries()) {
            assertEquals(result.oldTokenValidUntil(), d.oldTokenValidUntil(), d.channel());
        }
    }

    @Test
    void no_row_holds_the_new_or_the_old_token() {
        w.webhookIntegration();
        String old = w.tokens.reveal(w.admin, w.sid, Fixture.ORIGIN).readWrite().reveal();
        ResetResult result = w.reset(TokenScope.READ_WRITE);
        for (Delivery d : w.deliveries()) {
            assertFalse(d.toString().contains(old));
            assertFalse(d.toString().contains(result.authToken().reveal()));
        }
    }

    @Test
    void a_reset_that_fails_after_planning_leaves_no_row_behind() {
        w.webhookIntegration();
        var failure = new IllegalStateException("disk full");
        LegacyTokenService failing = w.world.legacyTokens(true, (stores, reset) -> {
            int queued = w.planner.afterReset(stores, reset);
            assertEquals(2, queued);
            throw failure;
        });
        String hintBefore = w.tokens.card(w.admin, w.sid).readWrite().hint();

        var thrown = assertThrows(IllegalStateException.class,
                () -> failing.reset(w.admin, w.sid, TokenScope.READ_WRITE, Fixture.ORIGIN));

        assertSame(failure, thrown);
        assertEquals(List.of(), w.deliveries());
        assertEquals(hintBefore, w.tokens.card(w.admin, w.sid).readWrite().hint());
        assertEquals(List.of(), w.world.tx().resetHistory());
    }

    @Test
    void a_planner_that_throws_fails_the_reset() {
        w.webhookIntegration();
        var failure = new IllegalStateException("channel registry unavailable");
        NoticePlanner broken = new NoticePlanner(w.world.clock(), () -> {
            throw failure;
        });
        LegacyTokenService service = w.world.legacyTokens(true, broken);

        assertSame(failure, assertThrows(IllegalStateException.class,
                () -> service.reset(w.admin, w.sid, TokenScope.READ_WRITE, Fixture.ORIGIN)));
        assertEquals(List.of(), w.deliveries());
        assertEquals(List.of(), w.world.tx().resetHistory());
    }
}
