package org.tokendesk.web.check;

import io.javalin.http.Context;
import java.util.function.UnaryOperator;
import org.tokendesk.domain.usage.ClientInfo;
import org.tokendesk.web.http.ClientAddress;

/**
 * Who is being checked, from the request, for {@code /v1/verify}: read by {@link CheckInput}, the
 * one place that knows which headers gateways use for the original request (nginx
 * {@code X-Original-URI}, Traefik {@code X-Forwarded-Uri}). Values are passed on raw; the recorder
 * sanitizes what it keeps.
 */
public final class CheckClient {

    private CheckClient() {
    }

    public static ClientInfo of(Context ctx, ClientAddress clientAddress) {
        return of(clientAddress.of(ctx), ctx::header);
    }

    /**
     * @param address the client address, already resolved through trusted proxies
     * @param header looks up a request header by name, null when absent
     */
    public static ClientInfo of(String address, UnaryOperator<String> header) {
        return CheckInput.from(header).client(address);
    }
}
