package org.tokendesk.web.http;

import io.javalin.http.Context;
import org.tokendesk.domain.account.AccountSid;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.token.TokenScope;

/** Path parameters that name domain things; a malformed one is simply "not found". */
public final class Paths {

    private Paths() {
    }

    public static AccountSid accountSid(Context ctx) {
        String raw = ctx.pathParam("accountSid");
        return AccountSid.parse(raw).orElseThrow(() -> new NotFoundException("no such account"));
    }

    public static TokenScope scope(Context ctx) {
        return TokenScope.fromPath(ctx.pathParam("scope"))
                .orElseThrow(() -> new NotFoundException("the scope must be read-write or read-only"));
    }

}
