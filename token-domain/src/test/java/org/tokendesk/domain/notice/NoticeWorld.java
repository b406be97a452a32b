package org.tokendesk.domain.notice;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.integration.Channels;
import org.tokendesk.domain.integration.Integration;
import org.tokendesk.domain.integration.IntegrationDraft;
import org.tokendesk.domain.integration.IntegrationService;
import org.tokendesk.domain.operator.Actor;
import org.tokendesk.domain.testing.FakeNotifierGateway;
import org.tokendesk.domain.testing.Fixture;
import org.tokendesk.domain.token.LegacyTokenService;
import org.tokendesk.domain.token.ResetResult;
import org.tokendesk.domain.token.TokenScope;

/**
 * An account with legacy tokens whose resets queue notices, integrations, a scripted gateway and
 * dispatchers over the same fake database. Retry delays 5 s, 5 min, 30 min without jitter.
 */
final class NoticeWorld {

    static final String HOOK = "https://hooks.example.com/tokendesk";
    static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30));
    static final Duration LEASE = Duration.ofMinutes(2);

    final Fixture world = new Fixture();
    final Actor admin = world.operator("admin@example.com");
    final AccountSid sid = world.account("Acme", admin);
    final FakeNotifierGateway gateway = new FakeNotifierGateway(Channels.EMAIL, Channels.WEBHOOK);
    final RetrySchedule schedule = new RetrySchedule(DELAYS, () -> 0.5);
    private volatile Set<String> nodeChannels = Set.of(Channels.EMAIL, Channels.WEBHOOK);
    final IntegrationService integrations = world.integrations(() -> new Channels(nodeChannels));
    final NoticePlanner planner = new NoticePlanner(world.clock(), () -> new Channels(nodeChannels));
    final LegacyTokenService tokens = world.legacyTokens(true, planner);

    NoticeWorld() {
        tokens.enable(admin, sid, Fixture.ORIGIN);
    }

    /** What the node can deliver over when planning. */
    void nodeChannels(String... ids) {
        nodeChannels = Set.of(ids);
    }

    static URI credentialsUrl(AccountSid account) {
        return URI.create("https://tokendesk.example/accounts/" + account.value() + "/credentials");
    }

    static URI acknowledgeUrl(String ackId) {
        return URI.create("https://tokendesk.example/ack/" + ackId + ".signed");
    }

    Integration integration(String name, String webhookUrl, List<String> channels, TokenScope... scopes) {
        return integration(sid, name, webhookUrl, channels, scopes);
    }

    Integration integration(AccountSid account, String name, String webhookUrl, List<String> channels,
            TokenScope... scopes) {
        List<String> wire = java.util.Arrays.stream(scopes).map(TokenScope::wireName).toList();
        return integrations.create(admin, account, new IntegrationDraft(name, "Ada Lovelace", "ada@example.com", "de",
                webhookUrl, wire, channels), Fixture.ORIGIN).integration();
    }

    /** An integration with email and webhook that depends on the read/write token. */
    Integration webhookIntegration() {
        return integration("Billing sync", HOOK, null, TokenScope.READ_WRITE);
    }

    ResetResult reset(TokenScope scope) {
        return tokens.reset(admin, sid, scope, Fixture.ORIGIN);
    }

    OutboxDispatcher dispatcher(String owner) {
        return dispatcher(owner, 10);
    }

    OutboxDispatcher dispatcher(String owner, int batchSize) {
        return new OutboxDispatcher(world.tx(), gateway, schedule, integrations, NoticeWorld::credentialsUrl,
                NoticeWorld::acknowledgeUrl,
                world.clock(), owner, LEASE, batchSize);
    }

    /** An integration told by email only, depending on the read/write token. */
    Integration emailIntegration(String name) {
        return integration(name, null, null, TokenScope.READ_WRITE);
    }

    void advanceTo(java.time.Instant instant) {
        world.clock().set(instant);
    }

    /** Every queued row of every account, oldest first. */
    List<Delivery> deliveries() {
        return world.tx().deliveries();
    }

    Delivery only(String channel) {
        List<Delivery> matching = deliveries().stream().filter(d -> d.channel().equals(channel)).toList();
        if (matching.size() != 1) {
            throw new IllegalStateException("expected one " + channel + " delivery, found " + matching);
        }
        return matching.get(0);
    }

    Delivery reload(Delivery d) {
        return world.tx().read(s -> s.outbox().find(d.accountSid(), d.id())).orElseThrow();
    }

    List<DeliveryAttempt> attempts(Delivery d) {
        return world.tx().read(s -> s.outbox().attempts(d.id()));
    }
}
