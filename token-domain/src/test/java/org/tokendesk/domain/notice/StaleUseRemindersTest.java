package org.tokendesk.domain.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.integration.Channels;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.testing.FakeNotifierGateway;
import org.tokendesk.domain.token.CheckCache;
import org.tokendesk.domain.token.CheckFailureLimiter;
import org.tokendesk.domain.token.CredentialCheck;
import org.tokendesk.domain.token.ResetResult;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.domain.token.UsageRecorder;
import org.tokendesk.domain.usage.ClientInfo;
import org.tokendesk.domain.usage.SightingRecorder;
import org.tokendesk.domain.usage.UseKind;
import org.tokendesk.notifier.spi.Notice;

class StaleUseRemindersTest {

    private final NoticeWorld w = new NoticeWorld();
    private final SightingRecorder sightings = new SightingRecorder(UseKind.STALE, 100);
    private final CredentialCheck check = new CredentialCheck(w.world.tx(), w.world.hasher(), new CheckFailureLimiter(1000),
            new UsageRecorder(), w.world.clock(), CheckCache.disabled(), new SightingRecorder(UseKind.VALID, 100),
            sightings);
    private final StaleUseReminders reminders = reminders();

    private StaleUseReminders reminders() {
        return new StaleUseReminders(w.world.tx(), w.world.clock(),
                () -> new Channels(Set.of(Channels.EMAIL, Channels.WEBHOOK)), StaleUseReminders.DEFAULT_PERIOD);
    }

    private List<Delivery> staleUseNotices() {
        return w.deliveries().stream().filter(d -> d.type().equals(Notice.TOKEN_STALE_USE)).toList();
    }

    /** Presents the old token from a client and flushes, as the node's 2 s job does. */
    private void sighting(String oldToken, String address) {
        check.check(w.sid.value(), oldToken, "GET", new ClientInfo(address, "cron/1", "/orders?token=x"));
        sightings.flush(w.world.tx());
    }

    @Test
    void a_sighting_queues_one_reminder_per_integration_on_the_scope_and_channel_with_the_summary() {
        Integration billing = w.webhookIntegration();
        w.emailIntegration("Reports");
        w.integration("Read only", null, null, TokenScope.READ_ONLY);
        String old = w.tokens.reveal(w.admin, w.sid, org.tokendesk.domain.testing.Fixture.ORIGIN).readWrite().reveal();
        ResetResult reset = w.reset(TokenScope.READ_WRITE);
        Instant first = w.world.clock().instant();
        sighting(old, "198.51.100.1");
        w.world.clock().advance(Duration.ofSeconds(5));
        sighting(old, "198.51.100.2");
        sighting(old, "198.51.100.2");

        assertEquals(3, reminders.runOnce(), "billing over email and webhook, reports over email");
        List<Delivery> queued = staleUseNotices();
        assertEquals(3, queued.size());
        Delivery webhook = queued.stream().filter(d -> d.channel().equals(Channels.WEBHOOK)).findFirst().orElseThrow();
        assertEquals(billing.id(), webhook.integrationId());
        assertEquals(TokenScope.READ_WRITE, webhook.scope());
        assertEquals(reset.resetAt(), webhook.resetAt());
        assertEquals("admin@example.com", webhook.resetBy());
        assertEquals(3, webhook.staleUse().count());
        assertEquals(2, webhook.staleUse().clients());
        assertEquals(first, webhook.staleUse().firstSeenAt());
        assertEquals(first.plusSeconds(5), webhook.staleUse().lastSeenAt());
        assertNull(webhook.oldTokenValidUntil(), "no grace period runs");
        assertTrue(queued.stream().noneMatch(d -> d.toString().contains(old)), "no secret in the outbox row");

        w.dispatcher("node-a").dispatchOnce();
        Notice sent = w.gateway.calls(Channels.WEBHOOK).stream().map(FakeNotifierGateway.Call::notice)
                .filter(n -> n.type().equals(Notice.TOKEN_STALE_USE)).findFirst().orElseThrow();
        assertEquals(3, sent.staleUse().orElseThrow().count());
        assertEquals(reset.resetAt(), sent.resetAt());
    }

    @Test
    void an_integration_is_reminded_at_most_once_a_day() {
        w.emailIntegration("Reports");
        String old = w.tokens.reveal(w.admin, w.sid, org.tokendesk.domain.testing.Fixture.ORIGIN).readWrite().reveal();
        w.reset(TokenScope.READ_WRITE);
        sighting(old, "198.51.100.1");
        assertEquals(1, reminders.runOnce());
        w.world.clock().advance(Duration.ofHours(23));
        sighting(old, "198.51.100.1");
        assertEquals(0, reminders.runOnce());
        w.world.clock().advance(Duration.ofHours(1).plusSeconds(1));
        sighting(old, "198.51.100.1");
        assertEquals(1, reminders.runOnce(), "a day after the first reminder");
        assertEquals(2, staleUseNotices().size());
    }

    @Test
    void a_reminder_during_a_grace_period_says_until_when_the_old_token_works() {
        w.emailIntegration("Reports");
        String old = w.tokens.reveal(w.admin, w.sid, org.tokendesk.domain.testing.Fixture.ORIGIN).readWrite().reveal();
        ResetResult reset = w.tokens.reset(w.admin, w.sid, TokenScope.READ_WRITE, Duration.ofHours(3),
                org.tokendesk.domain.testing.Fixture.ORIGIN);
        sighting(old, "198.51.100.1");

        assertEquals(1, reminders.runOnce());

        assertEquals(reset.oldTokenValidUntil(), staleUseNotices().get(0).oldTokenValidUntil());
        w.dispatcher("node-a").dispatchOnce();
        Notice sent = w.gateway.calls(Channels.EMAIL).stream().map(FakeNotifierGateway.Call::notice)
                .filter(n -> n.type().equals(Notice.TOKEN_STALE_USE)).findFirst().orElseThrow();
        assertEquals(java.util.Optional.of(reset.oldTokenValidUntil()), sent.oldTokenValidUntil());
    }

    @Test
    void a_reminder_after_the_grace_period_was_ended_does_not_promise_the_old_token_works() {
        w.emailIntegration("Reports");
        String old = w.tokens.reveal(w.admin, w.sid, org.tokendesk.domain.testing.Fixture.ORIGIN).readWrite().reveal();
        w.tokens.reset(w.admin, w.sid, TokenScope.READ_WRITE, Duration.ofHours(3),
                org.tokendesk.domain.testing.Fixture.ORIGIN);
        w.tokens.endGrace(w.admin, w.sid, TokenScope.READ_WRITE, org.tokendesk.domain.testing.Fixture.ORIGIN);
        w.world.clock().advance(Duration.ofSeconds(1));
        sighting(old, "198.51.100.1");

        assertEquals(1, reminders.runOnce());

        assertNull(staleUseNotices().get(0).oldTokenValidUntil());
    }

    @Test
    void without_sightings_nobody_is_reminded() {
        w.emailIntegration("Reports");
        w.reset(TokenScope.READ_WRITE);
        assertEquals(0, reminders.runOnce());
        assertEquals(List.of(), staleUseNotices());
    }

    @Test
    void two_nodes_running_the_job_queue_one_reminder() {
        w.emailIntegration("Reports");
        String old = w.tokens.reveal(w.admin, w.sid, org.tokendesk.domain.testing.Fixture.ORIGIN).readWrite().reveal();
        w.reset(TokenScope.READ_WRITE);
        sighting(old, "198.51.100.1");
        StaleUseReminders otherNode = reminders();
        assertEquals(1, reminders.runOnce() + otherNode.runOnce());
        assertEquals(1, staleUseNotices().size());
    }

    @Test
    void the_reminder_is_queued_within_thirty_seconds_of_the_first_sighting() {
        assertTrue(StaleUseReminders.DEFAULT_PERIOD.plusSeconds(2).compareTo(Duration.ofSeconds(30)) < 0,
                "the job period plus the 2 s flush stays under 30 s");
    }
}
