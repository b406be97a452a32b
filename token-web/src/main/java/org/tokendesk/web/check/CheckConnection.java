package org.tokendesk.web.check;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpGenerator;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.tokendesk.web.http.SecurityHeaders;
import org.tokendesk.web.ops.RequestTracing;

/**
 * A plain HTTP connection that answers gateways' credential checks from its own bytes, and hands
 * itself to Jetty's HTTP/1.1 connection for anything else.
 *
 * <p>Why: a gateway asks {@code GET /v1/auth/check} thousands of times a second on a few
 * keep-alive connections. Through Jetty's HTTP/1.1 connection (its parser, request and response
 * objects, channel state and generator) a check cost more CPU than the check itself and the two
 * system calls that carry it, together: on two cores, one node answered about two thirds of what
 * nginx {@code auth_basic} answered. Jetty's socket layer is not the cost; this connection sits
 * on it (its selector, end point and write flusher are Jetty's).
 *
 * <p>What it reads itself is only the plainest check, as {@link CheckRequestHead} defines it. At
 * the first request that is anything else (another path, another method, HTTP/1.0, a body,
 * {@code Connection}, a head too big, a malformed line) the connection hands every byte it has not
 * answered to a new Jetty HTTP/1.1 connection on the same socket, which answers that request and
 * all that follow as if it had read the connection from the start. Checks among them reach
 * {@link CheckFront}. The answers are the same either way: {@link CheckResponder} decides and
 * records both, and the headers Jetty would add (the date) are added here too.
 *
 * <p>Threads: a check that memory can answer is answered on the selector thread that read it, as
 * {@link CheckFront} does; one that needs the database goes to the server's thread pool, and the
 * connection reads nothing more until it is answered. While an answer cannot be written at once
 * (the client does not read), the connection reads nothing either. Its buffer belongs to it alone,
 * only ever touched by the one thread that is working on the connection at the time.
 *
 * <p>Fairness: once it has answered everything it had read, the connection goes back to the
 * selector instead of reading again at once. A gateway that sends its next check the moment it
 * has an answer would otherwise keep the selector thread on its connection while the others of
 * that selector wait: in an interleaved run, the check's p99 went from 3.54 to 2.54 ms (nginx
 * 1.61 ms) at the same req/s.
 */
public final class CheckConnection extends AbstractConnection.NonBlocking implements Connection.UpgradeFrom {

    private static final int INITIAL_BUFFER = 1024;
    // no answer comes near: a request id is at most 64 characters, the problem bodies are fixed and
    // the other values are the account's SID, scope and API version (under 1 KB in all)
    private static final int ANSWER_BUFFER = 4096;
    private static final ThreadLocal<ByteBuffer> ANSWER = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(ANSWER_BUFFER));
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] SECURITY_HEADERS = securityHeaders();
    private static final int IDLE = 0;
    private static final int WRITING = 1;
    private static final int WRITE_PENDING = 2;
    private static final int WRITTEN = 3;

    private final Connector connector;
    private final HttpConnectionFactory http;
    private final CheckResponder responder;
    private final int headLimit;
    private final boolean sendDate;
    private final CheckRequestHead head = new CheckRequestHead();
    private final AtomicInteger writeState = new AtomicInteger(IDLE);
    /** The write of an answer that could not be written at once; the connection goes on when it is done. */
    private final Callback written = Callback.from(InvocationType.NON_BLOCKING, this::writtenLater, x -> {
        writeState.set(IDLE);
        getEndPoint().close(x);
    });
    /** What was received and not answered yet, between position and limit (Jetty's flush mode). */
    private ByteBuffer in = emptyBuffer(INITIAL_BUFFER);
    private String peer;

    CheckConnection(EndPoint endPoint, Connector connector, HttpConnectionFactory http, CheckResponder responder) {
        super(endPoint, connector.getExecutor());
        this.connector = connector;
        this.http = http;
        this.responder = responder;
        HttpConfiguration config = http.getHttpConfiguration();
        this.headLimit = config.getRequestHeaderSize();
        this.sendDate = config.getSendDateHeader();
    }

    @Override
    public void onOpen() {
        super.onOpen();
        fillInterested();
    }

    @Override
    public void onFillable() {
        process();
    }

    /** Answers the checks received, reads more, and stops when there is nothing to read or the connection is handed on. */
    private void process() {
        boolean answered = false;
        try {
            while (true) {
                if (in.hasRemaining()) {
                    int from = in.arrayOffset() + in.position();
                    int headEnd = head.parse(in.array(), from, in.arrayOffset() + in.limit(), headLimit);
                    if (headEnd == CheckRequestHead.HAND_OVER) {
                        handOver();
                        return;
                    }
                    if (headEnd >= 0) {
                        if (!answer(headEnd - from)) {
                            return;
                        }
                        answered = true;
                        continue;
                    }
                    makeRoom();
                } else {
                    if (in.capacity() > INITIAL_BUFFER) {
                        in = emptyBuffer(INITIAL_BUFFER);
                    }
                    if (answered) {
                        fillInterested();
                        return;
                    }
                }
                int filled = getEndPoint().fill(in);
                if (filled < 0) {
                    getEndPoint().close();
                    return;
                }
                if (filled == 0) {
                    fillInterested();
                    return;
                }
            }
        } catch (Throwable x) {
            getEndPoint().close(x);
        }
    }

    /**
     * Answers the check whose head was just read, from memory on this thread, else on the pool.
     *
     * @return whether the connection goes on here: false while the database is asked or the answer is being written
     */
    private boolean answer(int headLength) {
        long started = System.nanoTime();
        Optional<CheckResponder.Answered> answered = responder.answer(head::get, peer(), started, true);
        if (answered.isPresent()) {
            in.position(in.position() + headLength);
            return send(answered.get());
        }
        CheckRequestHead detached = head.detach(in.arrayOffset() + in.position(), in.arrayOffset() + in.position() + headLength);
        try {
            getExecutor().execute(() -> {
                try {
                    CheckResponder.Answered full = responder.answer(detached::get, peer(), started, false).orElseThrow();
                    in.position(in.position() + headLength);
                    if (send(full)) {
                        process();
                    }
                } catch (Throwable x) {
                    getEndPoint().close(x);
                }
            });
        } catch (RejectedExecutionException e) {
            getEndPoint().close(e);
        }
        return false;
    }

    private void writtenLater() {
        if (!writeState.compareAndSet(WRITING, WRITTEN)) {
            // the connection stopped for this write: it goes on here
            writeState.set(IDLE);
            process();
        }
    }

    /** @return whether the answer was written at once; if not, the write's callback goes on when it is */
    private boolean send(CheckResponder.Answered answered) {
        ByteBuffer out = ANSWER.get();
        out.clear();
        encode(out, sendDate ? connector.getServer().getDateField() : null, answered.requestId(), answered.answer());
        out.flip();
        EndPoint endPoint = getEndPoint();
        try {
            if (endPoint.flush(out)) {
                return true;
            }
        } catch (IOException e) {
            endPoint.close(e);
            return false;
        }
        ByteBuffer rest = ByteBuffer.allocate(out.remaining()).put(out).flip();
        writeState.set(WRITING);
        endPoint.write(written, rest);
        if (writeState.compareAndSet(WRITING, WRITE_PENDING)) {
            return false;
        }
        // written already (or failed, and closed): go on
        writeState.set(IDLE);
        return endPoint.isOpen();
    }

    /**
     * A bigger buffer, up to the head limit, when the received bytes fill this one from its start
     * (when they do not start at its start, the end point's fill moves them there itself).
     */
    private void makeRoom() {
        if (in.limit() < in.capacity() || in.position() > 0) {
            return;
        }
        ByteBuffer bigger = emptyBuffer(Math.min(headLimit, in.capacity() * 2));
        bigger.limit(in.remaining());
        bigger.put(0, in, in.position(), in.remaining());
        in = bigger;
    }

    /** Jetty's HTTP/1.1 connection takes over the socket, from the first byte not answered here. */
    private void handOver() {
        getEndPoint().upgrade(http.newConnection(connector, getEndPoint()));
    }

    @Override
    public ByteBuffer onUpgradeFrom() {
        ByteBuffer rest = ByteBuffer.allocate(in.remaining()).put(in).flip();
        in = emptyBuffer(0);
        return rest;
    }

    private String peer() {
        if (peer == null) {
            SocketAddress remote = getEndPoint().getRemoteSocketAddress();
            // as Jetty's Request.getRemoteAddr gives it to CheckFront
            peer = remote instanceof InetSocketAddress inet ? Request.getHostName(inet) : String.valueOf(remote);
        }
        return peer;
    }

    private static ByteBuffer emptyBuffer(int capacity) {
        return ByteBuffer.allocate(capacity).limit(0);
    }

    /**
     * The answer as Jetty's HTTP/1.1 connection writes the same answer from {@link CheckFront}:
     * status line, date, request id, the answer's headers, the security headers, the length of a
     * body, the body. Values are sanitised as Jetty sanitises them.
     */
    static void encode(ByteBuffer out, HttpField date, String requestId, CheckAnswer answer) {
        put(out, "HTTP/1.1 ");
        put(out, Integer.toString(answer.status()));
        out.put((byte) ' ');
        put(out, HttpStatus.getMessage(answer.status()));
        out.put(CRLF);
        if (date != null) {
            HttpGenerator.putTo(date, out);
        }
        field(out, RequestTracing.HEADER, requestId);
        answer.eachHeader((name, value) -> field(out, name, value));
        out.put(SECURITY_HEADERS);
        if (answer.body().length > 0) {
            field(out, "Content-Length", Integer.toString(answer.body().length));
        }
        out.put(CRLF);
        out.put(answer.body());
    }

    private static void field(ByteBuffer out, String name, String value) {
        put(out, name);
        out.put((byte) ':').put((byte) ' ');
        put(out, value);
        out.put(CRLF);
    }

    /** As Jetty's generator puts a value: no 8-bit characters, no control characters but tab. */
    private static void put(ByteBuffer out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.put(c > 0xff || c <= 0x1f && c != '\t' ? (byte) ' ' : (byte) c);
        }
    }

    private static byte[] securityHeaders() {
        StringBuilder lines = new StringBuilder();
        // this connection only ever serves plain HTTP: the HTTPS-only header is not among them
        SecurityHeaders.each(false, (name, value) -> lines.append(name).append(": ").append(value).append("\r\n"));
        return lines.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Makes {@link CheckConnection}s on a plain HTTP connector, ahead of Jetty's
     * {@link HttpConnectionFactory}, to which they hand every request but a plain check.
     */
    public static final class Factory extends AbstractConnectionFactory {

        static final String PROTOCOL = "tokendesk-check";

        private final HttpConnectionFactory http;
        private final CheckResponder responder;

        /** @param http the factory of the connections that take over (its configuration is theirs and this one's) */
        public Factory(HttpConnectionFactory http, CheckResponder responder) {
            super(PROTOCOL);
            this.http = http;
            this.responder = responder;
        }

        @Override
        public Connection newConnection(Connector connector, EndPoint endPoint) {
            return configure(new CheckConnection(endPoint, connector, http, responder), connector, endPoint);
        }
    }
}
