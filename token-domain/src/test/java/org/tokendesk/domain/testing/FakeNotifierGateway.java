package org.tokendesk.domain.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.tokendesk.domain.notice.NotifierGateway;
import org.tokendesk.notifier.spi.DeliveryOutcome;
import org.tokendesk.notifier.spi.Notice;
import org.tokendesk.notifier.spi.Recipient;

/**
 * Notifiers that answer at once from a script: per channel a queue of outcomes, then
 * {@code Delivered("HTTP 204")} for every further call. Records every call. A test can act
 * while a delivery is "in flight" (for example let a second dispatcher run).
 */
public final class FakeNotifierGateway implements NotifierGateway {

    /** The answer once a channel's script is used up. */
    public static final DeliveryOutcome DEFAULT_ANSWER = DeliveryOutcome.delivered("HTTP 204");

    /**
     * One call of {@link #deliver}.
     *
     * @param channel the channel id
     * @param notice what was sent
     * @param recipient to whom
     */
    public record Call(String channel, Notice notice, Recipient recipient) {
    }

    private final Set<String> channels = new LinkedHashSet<>();
    private final Map<String, Deque<DeliveryOutcome>> scripts = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private Consumer<Call> inFlight = call -> { };

    public FakeNotifierGateway(String... channels) {
        this.channels.addAll(List.of(channels));
    }

    /** Replaces the channels that can deliver. */
    public synchronized void channels(String... ids) {
        channels.clear();
        channels.addAll(List.of(ids));
    }

    /** Queues answers for the next calls over {@code channel}, in order. */
    public synchronized FakeNotifierGateway answer(String channel, DeliveryOutcome... outcomes) {
        scripts.computeIfAbsent(channel, c -> new ArrayDeque<>()).addAll(List.of(outcomes));
        return this;
    }

    /** Runs before each answer, after the call is recorded, outside any transaction. */
    public synchronized void whileDelivering(Consumer<Call> action) {
        inFlight = action;
    }

    /** @return every call so far, oldest first */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** @return the calls over one channel, oldest first */
    public synchronized List<Call> calls(String channel) {
        return calls.stream().filter(c -> c.channel().equals(channel)).toList();
    }

    @Override
    public synchronized Set<String> channels() {
        return Set.copyOf(channels);
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(String channel, Notice notice, Recipient recipient) {
        Call call = new Call(channel, notice, recipient);
        Consumer<Call> action;
        synchronized (this) {
            if (!channels.contains(channel)) {
                throw new IllegalStateException("the dispatcher called channel '" + channel + "', which cannot deliver");
            }
            calls.add(call);
            action = inFlight;
        }
        action.accept(call);
        DeliveryOutcome outcome;
        synchronized (this) {
            Deque<DeliveryOutcome> script = scripts.get(channel);
            outcome = script == null || script.isEmpty() ? DEFAULT_ANSWER : script.removeFirst();
        }
        return CompletableFuture.completedFuture(outcome);
    }
}
