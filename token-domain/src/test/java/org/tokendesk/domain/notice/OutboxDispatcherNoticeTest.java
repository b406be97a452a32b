package org.tokendesk.domain.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.integration.IntegrationDraft;
import org.tokendesk.domain.integration.IntegrationService;
import org.tokendesk.domain.testing.FakeNotifierGateway;
import org.tokendesk.domain.testing.Fixture;
import org.tokendesk.domain.token.ResetResult;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.Recipient;

/** What a notifier is handed: the notice (no secret) and the recipient (with the signing secrets). */
class OutboxDispatcherNoticeTest {

    private final NoticeWorld w = new NoticeWorld();
    private final OutboxDispatcher dispatcher = w.dispatcher("node-a");

    private FakeNotifierGateway.Call onlyCall(String channel) {
        List<FakeNotifierGateway.Call> calls = w.gateway.calls(channel);
        assertEquals(1, calls.size());
        return calls.get(0);
    }

    @Test
    void the_notice_carries_the_snapshot_and_the_credentials_url_but_no_token() {
        Integration integration = w.webhookIntegration();
        String oldToken = w.tokens.reveal(w.admin, w.sid, Fixture.ORIGIN).readWrite().reveal();
        String oldHint = w.tokens.card(w.admin, w.sid).readWrite().hint();
        ResetResult result = w.reset(TokenScope.READ_WRITE);
        w.world.clock().advance(Duration.ofSeconds(30));

        dispatcher.dispatchOnce();

        for (String channel : List.of("email", "webhook")) {
            Notice notice = onlyCall(channel).notice();
            assertEquals(Notice.builder().deliveryId(w.only(channel).id()).type(Notice.TOKEN_RESET)
                    .occurredAt(result.resetAt()).accountSid(w.sid.value()).scope("read_write")
                    .resetAt(result.resetAt()).resetBy("admin@example.com").previousTokenHint(oldHint)
                    .apiVersion("v13").integrationId(integration.id()).integrationName("Billing sync")
                    .credentialsUrl(NoticeWorld.credentialsUrl(w.sid))
                    .acknowledgeUrl(NoticeWorld.acknowledgeUrl(w.only(channel).ackId())).build(), notice);
            assertFalse(notice.toString().contains(oldToken));
            assertFalse(notice.toString().contains(result.authToken().reveal()));
        }
    }

    @Test
    void after_a_reset_with_a_grace_period_every_channel_is_told_until_when_the_old_token_works() {
        w.webhookIntegration();
        ResetResult result = w.tokens.reset(w.admin, w.sid, TokenScope.READ_WRITE, Duration.ofMinutes(90),
                Fixture.ORIGIN);

        dispatcher.dispatchOnce();

        for (String channel : List.of("email", "webhook")) {
            assertEquals(Optional.of(result.resetAt().plus(Duration.ofMinutes(90))),
                    onlyCall(channel).notice().oldTokenValidUntil(), channel);
            // the outcome's record keeps it: a redelivery tells the same
            assertEquals(result.oldTokenValidUntil(), w.only(channel).oldTokenValidUntil());
        }
    }

    @Test
    void the_recipient_is_the_owner_with_the_decrypted_signing_secret() {
        IntegrationService.WithSecret created = w.integrations.create(w.admin, w.sid,
                new IntegrationDraft("Billing sync", "Ada Lovelace", "Ada@Example.com",
                        "de", NoticeWorld.HOOK, List.of("read_write"), null),
                Fixture.ORIGIN);
        w.reset(TokenScope.READ_WRITE);

        dispatcher.dispatchOnce();

        assertEquals(new Recipient("Ada Lovelace", "ada@example.com", Locale.GERMAN,
                Optional.of(URI.create(NoticeWorld.HOOK)), List.of(created.webhookSecret().reveal())),
                onlyCall("webhook").recipient());
        assertFalse(onlyCall("webhook").recipient().toString().contains(created.webhookSecret().reveal()));
    }

    @Test
    void during_a_rotation_the_recipient_carries_both_secrets_newest_first_and_later_only_the_new_one() {
        IntegrationService.WithSecret created = w.integrations.create(w.admin, w.sid,
                new IntegrationDraft("Billing sync", "Ada", "ada@example.com", "en",
                        NoticeWorld.HOOK, List.of("read_write"), List.of("webhook")),
                Fixture.ORIGIN);
        String id = created.integration().id();
        String old = created.webhookSecret().reveal();
        String fresh = w.integrations.rotateSecret(w.admin, w.sid, id, Fixture.ORIGIN).webhookSecret().reveal();

        w.reset(TokenScope.READ_WRITE);
        dispatcher.dispatchOnce();
        w.world.clock().advance(IntegrationService.PREVIOUS_SECRET_LIFETIME);
        w.reset(TokenScope.READ_WRITE);
        dispatcher.dispatchOnce();

        List<FakeNotifierGateway.Call> calls = w.gateway.calls("webhook");
        assertEquals(List.of(fresh, old), calls.get(0).recipient().webhookSecrets());
        assertEquals(List.of(fresh), calls.get(1).recipient().webhookSecrets());
    }

    @Test
    void the_recipient_of_an_integration_without_webhook_has_no_webhook_url() {
        w.emailIntegration("Reporting");
        w.reset(TokenScope.READ_WRITE);

        dispatcher.dispatchOnce();

        Recipient recipient = onlyCall("email").recipient();
        assertEquals(Optional.empty(), recipient.webhookUrl());
        assertEquals(Locale.GERMAN, recipient.locale());
    }

    @Test
    void the_recipient_of_an_integration_without_webhook_gets_no_signing_secret() {
        w.emailIntegration("Reporting");
        w.reset(TokenScope.READ_WRITE);

        dispatcher.dispatchOnce();

        assertEquals(List.of(), onlyCall("email").recipient().webhookSecrets());
    }
}
