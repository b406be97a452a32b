package org.tokendesk.domain.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.audit.AuditAction;
import org.tokendesk.domain.audit.AuditEvent;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.testing.Fixture;
import org.tokendesk.domain.token.TokenScope;
import org.tokendesk.notifier.spi.Notice;

class AcknowledgementsTest {

    private final NoticeWorld w = new NoticeWorld();
    private final AcknowledgementTokens tokens = new AcknowledgementTokens(Fixture.pepper('k'));
    private final Acknowledgements acks = new Acknowledgements(w.world.tx(), tokens, w.world.clock());

    private String tokenOf(Integration integration) {
        Delivery d = w.deliveries().stream().filter(x -> x.integrationId().equals(integration.id()))
                .reduce((a, b) -> b).orElseThrow();
        return tokens.tokenFor(d.ackId());
    }

    private List<AuditEvent> acknowledgedEvents() {
        return w.world.tx().read(s -> s.audit().page(w.sid, Long.MAX_VALUE, 100)).stream()
                .filter(e -> e.action() == AuditAction.NOTICE_ACKNOWLEDGED).toList();
    }

    @Test
    void every_channel_of_an_integration_shares_one_acknowledgement_per_reset() {
        Integration both = w.webhookIntegration();
        Integration other = w.emailIntegration("Reports");

        w.reset(TokenScope.READ_WRITE);

        Map<String, Set<String>> ackIdsByIntegration = w.deliveries().stream().collect(Collectors.groupingBy(
                Delivery::integrationId, Collectors.mapping(Delivery::ackId, Collectors.toSet())));
        assertEquals(1, ackIdsByIntegration.get(both.id()).size());
        assertEquals(1, ackIdsByIntegration.get(other.id()).size());
        assertNotEquals(ackIdsByIntegration.get(both.id()), ackIdsByIntegration.get(other.id()));
    }

    @Test
    void the_dispatcher_puts_a_link_built_from_the_acknowledgement_into_each_notice() {
        w.webhookIntegration();
        w.reset(TokenScope.READ_WRITE);

        w.dispatcher("node-a").dispatchOnce();

        String ackId = w.only("email").ackId();
        for (var call : w.gateway.calls()) {
            Notice notice = call.notice();
            assertEquals(NoticeWorld.acknowledgeUrl(ackId), notice.acknowledgeUrl().orElseThrow());
            assertFalse(notice.toString().contains(ackId));
        }
    }

    @Test
    void a_link_is_shown_without_being_used_and_then_used_once() {
        Integration billing = w.emailIntegration("Billing");
        w.reset(TokenScope.READ_WRITE);
        String token = tokenOf(billing);

        Acknowledgements.Request shown = acks.show(token);
        assertEquals("Billing", shown.integrationName());
        assertNull(acks.show(token).acknowledgement().acknowledgedAt(), "looking does not use the link");

        w.world.clock().advance(Duration.ofMinutes(3));
        Acknowledgements.Request done = acks.acknowledge(token, Fixture.ORIGIN);
        assertEquals(w.world.clock().instant(), done.acknowledgement().acknowledgedAt());

        AlreadyAcknowledgedException again = assertThrows(AlreadyAcknowledgedException.class,
                () -> acks.acknowledge(token, Fixture.ORIGIN));
        assertEquals(done.acknowledgement().acknowledgedAt(), again.acknowledgedAt());
        assertEquals(1, acknowledgedEvents().size());
    }

    @Test
    void the_audit_event_names_the_owner_and_the_integration_but_not_the_token() {
        Integration billing = w.emailIntegration("Billing");
        w.reset(TokenScope.READ_WRITE);
        String token = tokenOf(billing);

        acks.acknowledge(token, Fixture.ORIGIN);

        AuditEvent event = acknowledgedEvents().get(0);
        assertEquals("owner:ada@example.com", event.actor());
        assertEquals(Map.of("integrationId", billing.id(), "scope", "read_write"), event.details());
        assertFalse(event.toString().contains(token.substring(token.indexOf('.') + 1)));
    }

    @Test
    void a_forged_or_unknown_token_is_not_found() {
        Integration billing = w.emailIntegration("Billing");
        w.reset(TokenScope.READ_WRITE);
        String token = tokenOf(billing);
        String ackId = token.substring(0, token.indexOf('.'));
        String forgedMac = ackId + "." + "A".repeat(43);
        String otherKey = new AcknowledgementTokens(Fixture.pepper('x')).tokenFor(ackId);
        String unknownId = tokens.tokenFor("ack_000000000000000000000000");

        for (String bad : List.of(forgedMac, otherKey, unknownId, ackId, "", token + "x")) {
            assertThrows(NotFoundException.class, () -> acks.show(bad), bad);
            assertThrows(NotFoundException.class, () -> acks.acknowledge(bad, Fixture.ORIGIN), bad);
        }
        assertEquals(List.of(), acknowledgedEvents());
    }

    @Test
    void tokens_are_rebuilt_identically_and_verify_only_under_the_same_key() {
        String token = tokens.tokenFor("ack_0123456789abcdef01234567");
        assertEquals(token, new AcknowledgementTokens(Fixture.pepper('k')).tokenFor("ack_0123456789abcdef01234567"));
        assertEquals("ack_0123456789abcdef01234567", tokens.verify(token).orElseThrow());
        assertTrue(new AcknowledgementTokens(Fixture.pepper('z')).verify(token).isEmpty());
        assertTrue(token.length() - token.indexOf('.') - 1 >= 43, "at least 256 bits of MAC");
    }

    @Test
    void the_card_lists_who_has_not_acknowledged_the_last_reset_of_each_scope() {
        Integration billing = w.emailIntegration("Billing");
        Integration reports = w.emailIntegration("Reports");
        assertEquals(List.of(), acks.unacknowledged(w.admin, w.sid).get(TokenScope.READ_WRITE), "no reset yet");

        w.reset(TokenScope.READ_WRITE);
        acks.acknowledge(tokenOf(billing), Fixture.ORIGIN);

        Map<TokenScope, List<Acknowledgements.Pending>> pending = acks.unacknowledged(w.admin, w.sid);
        assertEquals(List.of(new Acknowledgements.Pending(reports.id(), "Reports", "ada@example.com")),
                pending.get(TokenScope.READ_WRITE));
        assertEquals(List.of(), pending.get(TokenScope.READ_ONLY));
    }

    @Test
    void a_new_reset_asks_again_and_forgets_the_older_acknowledgements() {
        Integration billing = w.emailIntegration("Billing");
        w.reset(TokenScope.READ_WRITE);
        acks.acknowledge(tokenOf(billing), Fixture.ORIGIN);
        assertEquals(List.of(), acks.unacknowledged(w.admin, w.sid).get(TokenScope.READ_WRITE));

        w.world.clock().advance(Duration.ofHours(1));
        w.reset(TokenScope.READ_WRITE);

        assertEquals(List.of(billing.id()), acks.unacknowledged(w.admin, w.sid).get(TokenScope.READ_WRITE).stream()
                .map(Acknowledgements.Pending::integrationId).toList());
    }

    @Test
    void the_delivery_log_learns_when_each_delivery_was_acknowledged() {
        Integration billing = w.webhookIntegration();
        w.reset(TokenScope.READ_WRITE);
        List<Delivery> deliveries = w.deliveries();
        assertEquals(Map.of(), acks.acknowledgedAt(w.admin, w.sid, deliveries));

        acks.acknowledge(tokenOf(billing), Fixture.ORIGIN);

        Map<String, java.time.Instant> at = acks.acknowledgedAt(w.admin, w.sid, deliveries);
        assertEquals(Set.of(w.only("email").ackId()), at.keySet());
        assertEquals(w.only("webhook").ackId(), w.only("email").ackId());
    }

    @Test
    void only_members_of_the_account_see_who_has_not_acknowledged() {
        w.emailIntegration("Billing");
        w.reset(TokenScope.READ_WRITE);
        var stranger = w.world.operator("stranger@example.com");
        assertThrows(NotFoundException.class, () -> acks.unacknowledged(stranger, w.sid));
        assertThrows(NotFoundException.class, () -> acks.acknowledgedAt(stranger, w.sid, w.deliveries()));
    }
}
