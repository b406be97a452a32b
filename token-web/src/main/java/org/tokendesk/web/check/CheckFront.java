package org.tokendesk.web.check;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.tokendesk.web.http.SecurityHeaders;
import org.tokendesk.web.ops.RequestTracing;

/**
 * A Jetty handler in front of Javalin that answers {@code GET /v1/auth/check} itself and passes
 * every other request on. The check is the hot path (thousands a second from a gateway); going
 * through the servlet pipeline (session handling, the before and after handlers, the request
 * logger) cost more than the check. The answer is the route's own ({@link CheckInput},
 * {@link CheckAnswer}); what the pipeline adds to every response is added here the same way: the
 * request id and the MDC ({@link RequestTracing}), the security headers, the metrics and the access
 * log. A request with a body goes on to Javalin, whose body limit answers it.
 *
 * <p>This handler declares itself {@linkplain Invocable.InvocationType#NON_BLOCKING non-blocking},
 * so Jetty calls it on the selector thread that read the request, with no hand-over to a pool
 * thread. It keeps that promise: a check that memory can answer (a cached current token, a
 * malformed credential, a blocked client) is answered right there; a check that needs the
 * database, and every request for Javalin, whose servlet pipeline blocks, is handed to the
 * server's thread pool. A stalled database therefore never stalls the connections of a selector.
 * The hand-over saved a third of the check's CPU time per request.
 *
 * <p>On a plain HTTP connector most checks never get here: {@link CheckConnection} answers the
 * plainest ones from the connection's bytes, and hands every other request to Jetty, which brings
 * the checks among them to this handler. Both answer through the same {@link CheckResponder}.
 */
public final class CheckFront extends Handler.Wrapper {

    static final String PATH = CheckResponder.PATH;
    // the security headers never change: encoded once, copied into each answer as bytes
    private static final List<HttpField> SECURITY_HEADERS = securityHeaders(false);
    private static final List<HttpField> SECURITY_HEADERS_TLS = securityHeaders(true);

    private final CheckResponder responder;

    public CheckFront(CheckResponder responder) {
        this.responder = responder;
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!isPlainCheck(request)) {
            inPool(request, callback, () -> {
                if (!super.handle(request, response, callback)) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                }
            });
            return true;
        }
        long started = System.nanoTime();
        if (!check(request, response, callback, started, true)) {
            inPool(request, callback, () -> check(request, response, callback, started, false));
        }
        return true;
    }

    /**
     * @param started when the request reached this handler, for the metrics
     * @param inMemoryOnly whether the database must not be asked
     * @return whether the check was answered: always, unless only memory was asked and it could not
     */
    private boolean check(Request request, Response response, Callback callback, long started, boolean inMemoryOnly) {
        HttpFields headers = request.getHeaders();
        Optional<CheckResponder.Answered> decided = responder.answer(headers::get, Request.getRemoteAddr(request),
                started, inMemoryOnly);
        if (decided.isEmpty()) {
            return false;
        }
        CheckAnswer answer = decided.get().answer();
        // a fresh response: add, not put, which would first look for an earlier value of each
        HttpFields.Mutable out = response.getHeaders();
        out.add(RequestTracing.HEADER, decided.get().requestId());
        answer.eachHeader(out::add);
        for (HttpField field : request.isSecure() ? SECURITY_HEADERS_TLS : SECURITY_HEADERS) {
            out.add(field);
        }
        response.setStatus(answer.status());
        if (answer.body().length > 0) {
            out.add(HttpHeader.CONTENT_LENGTH, answer.body().length);
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
        } else {
            // the last write, though empty: completing the callback of an unwritten response
            // makes Jetty build a spare error response for the write it then does itself
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
        }
        return true;
    }

    private static List<HttpField> securityHeaders(boolean secure) {
        List<HttpField> fields = new ArrayList<>();
        SecurityHeaders.each(secure, (name, value) -> fields.add(new PreEncodedHttpField(name, value)));
        return List.copyOf(fields);
    }

    /** Runs work that may block on the server's thread pool; a failure or a full pool fails the request. */
    private static void inPool(Request request, Callback callback, BlockingWork work) {
        try {
            request.getContext().execute(() -> {
                try {
                    work.run();
                } catch (Throwable t) {
                    callback.failed(t);
                }
            });
        } catch (RejectedExecutionException e) {
            callback.failed(e);
        }
    }

    /** {@code GET /v1/auth/check} exactly, without a body: everything else is Javalin's to answer. */
    static boolean isPlainCheck(Request request) {
        if (!"GET".equals(request.getMethod()) || !PATH.equals(request.getHttpURI().getPath())) {
            return false;
        }
        HttpFields headers = request.getHeaders();
        if (headers.contains(HttpHeader.TRANSFER_ENCODING)) {
            return false;
        }
        HttpField length = headers.getField(HttpHeader.CONTENT_LENGTH);
        return length == null || "0".equals(length.getValue().strip());
    }

    @FunctionalInterface
    private interface BlockingWork {
        void run() throws Exception;
    }
}
