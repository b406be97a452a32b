package org.tokendesk.web.check;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.tokendesk.domain.common.StoreUnavailableException;
import org.tokendesk.web.http.ClientAddress;
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
 */
public final class CheckFront extends Handler.Wrapper {

    static final String PATH = "/v1/auth/check";
    private static final Logger LOG = LoggerFactory.getLogger(CheckFront.class);

    private final CheckInput.Checker checker;
    private final ClientAddress clientAddress;
    private final RequestTracing tracing;

    public CheckFront(CheckInput.Checker checker, ClientAddress clientAddress, RequestTracing tracing) {
        this.checker = checker;
        this.clientAddress = clientAddress;
        this.tracing = tracing;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!isPlainCheck(request)) {
            return super.handle(request, response, callback);
        }
        long started = System.nanoTime();
        HttpFields headers = request.getHeaders();
        String id = RequestTracing.requestId(headers.get(RequestTracing.HEADER));
        MDC.put(RequestTracing.MDC_KEY, id);
        try {
            String client = clientAddress.of(Request.getRemoteAddr(request), headers::get);
            CheckInput input = CheckInput.from(headers::get);
            CheckAnswer answer = answer(input, client);
            HttpFields.Mutable out = response.getHeaders();
            out.put(RequestTracing.HEADER, id);
            answer.eachHeader(out::put);
            SecurityHeaders.each(request.isSecure(), out::put);
            response.setStatus(answer.status());
            // recorded before the answer leaves: whoever reads /metrics after the answer sees the check
            tracing.answered(request.getMethod(), PATH, answer.status(), System.nanoTime() - started, client,
                    input.userAgent());
            if (answer.body().length > 0) {
                out.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
                response.write(true, ByteBuffer.wrap(answer.body()), callback);
            } else {
                callback.succeeded();
            }
        } finally {
            MDC.remove(RequestTracing.MDC_KEY);
        }
        return true;
    }

    private CheckAnswer answer(CheckInput input, String client) {
        try {
            return CheckAnswer.of(input.checkWith(checker, client));
        } catch (StoreUnavailableException e) {
            return CheckAnswer.unavailable();
        } catch (RuntimeException e) {
            LOG.error("unexpected error on {} {}", "GET", PATH, e);
            return CheckAnswer.internalError();
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
}
