package org.tokendesk.web.check;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.tokendesk.domain.common.StoreUnavailableException;
import org.tokendesk.domain.token.CheckResult;
import org.tokendesk.web.http.ClientAddress;
import org.tokendesk.web.ops.RequestTracing;

/**
 * What both ends that answer {@code GET /v1/auth/check} outside Javalin do with a check, in one
 * place: {@link CheckConnection}, which reads the plainest checks from the connection's bytes, and
 * {@link CheckFront}, the Jetty handler that answers every other check Jetty reads. It reads the
 * request's headers ({@link CheckInput}), asks memory or the whole check, turns the result into
 * the route's own answer ({@link CheckAnswer}), and records it as the servlet pipeline records a
 * request: the request id and the MDC, the metrics and the access log ({@link RequestTracing}).
 */
public final class CheckResponder {

    static final String PATH = "/v1/auth/check";
    private static final Logger LOG = LoggerFactory.getLogger(CheckResponder.class);

    private final CheckInput.Checker checker;
    private final CheckInput.MemoryChecker memoryChecker;
    private final ClientAddress clientAddress;
    private final RequestTracing tracing;

    /**
     * @param checker the whole check, which may wait for the database
     * @param memoryChecker the same check from memory alone, which never waits
     */
    public CheckResponder(CheckInput.Checker checker, CheckInput.MemoryChecker memoryChecker, ClientAddress clientAddress,
            RequestTracing tracing) {
        this.checker = checker;
        this.memoryChecker = memoryChecker;
        this.clientAddress = clientAddress;
        this.tracing = tracing;
    }

    /**
     * Answers one check and records it.
     *
     * @param header the request's header of a name, or null
     * @param peer the address of the connection's other end
     * @param started when the request was read, on {@link System#nanoTime}, for the metrics
     * @param inMemoryOnly whether the database must not be asked
     * @return the answer with its request id; empty, and nothing recorded, only when memory alone
     *     was asked and could not answer
     */
    Optional<Answered> answer(UnaryOperator<String> header, String peer, long started, boolean inMemoryOnly) {
        String id = RequestTracing.requestId(header.apply(RequestTracing.HEADER));
        MDC.put(RequestTracing.MDC_KEY, id);
        try {
            String client = clientAddress.of(peer, header);
            CheckInput input = CheckInput.from(header);
            Optional<CheckAnswer> decided = decide(input, client, inMemoryOnly);
            if (decided.isEmpty()) {
                return Optional.empty();
            }
            CheckAnswer answer = decided.get();
            // recorded before the answer leaves: whoever reads /metrics after the answer sees the check
            tracing.answered("GET", PATH, answer.status(), System.nanoTime() - started, client, input.userAgent());
            return Optional.of(new Answered(id, answer));
        } finally {
            MDC.remove(RequestTracing.MDC_KEY);
        }
    }

    private Optional<CheckAnswer> decide(CheckInput input, String client, boolean inMemoryOnly) {
        try {
            Optional<CheckResult> result = inMemoryOnly ? input.checkInMemoryWith(memoryChecker, client)
                    : Optional.of(input.checkWith(checker, client));
            return result.map(CheckAnswer::of);
        } catch (StoreUnavailableException e) {
            return Optional.of(CheckAnswer.unavailable());
        } catch (RuntimeException e) {
            LOG.error("unexpected error on {} {}", "GET", PATH, e);
            return Optional.of(CheckAnswer.internalError());
        }
    }

    /**
     * @param requestId the request's id, to send back in {@value RequestTracing#HEADER}
     * @param answer the answer
     */
    record Answered(String requestId, CheckAnswer answer) {
    }
}
