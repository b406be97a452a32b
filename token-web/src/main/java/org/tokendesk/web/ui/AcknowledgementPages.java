package org.tokendesk.web.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tokendesk.domain.common.NotFoundException;
import org.tokendesk.domain.common.RequestOrigin;
import org.tokendesk.domain.common.StoreUnavailableException;
import org.tokendesk.domain.notice.Acknowledgement;
import org.tokendesk.domain.notice.Acknowledgements;
import org.tokendesk.domain.notice.AlreadyAcknowledgedException;
import org.tokendesk.web.api.AcknowledgementView;
import org.tokendesk.web.http.ClientAddress;
import org.tokendesk.web.http.Json;
import org.tokendesk.web.http.Problems;
import org.tokendesk.web.ui.model.AcknowledgementPage;
import org.tokendesk.web.ui.model.Chrome;
import org.tokendesk.web.ui.model.ErrorPage;

/**
 * The integration owner's confirmation link, {@code /ack/{token}}: no sign-in, no session, no
 * cookie. GET only shows what the link is about (mail scanners fetch links; looking must never use
 * it); POST uses it, from the page's one button or as JSON. The POST needs no CSRF token: the
 * unguessable URL is the capability, a forged cross-site POST would have to know it already, and
 * there is no session a third party could ride on. The token is a credential: it is never logged
 * (the access log masks the {@code token} path parameter) and never in an answer but this page's
 * own form action.
 */
public final class AcknowledgementPages {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgementPages.class);
    static final String PATH = "/ack/{token}";

    private final Acknowledgements acknowledgements;
    private final ClientAddress clientAddress;
    private final Renderer renderer = new Renderer();

    public AcknowledgementPages(Acknowledgements acknowledgements, ClientAddress clientAddress) {
        this.acknowledgements = acknowledgements;
        this.clientAddress = clientAddress;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::show);
        routes.post(PATH, this::acknowledge);
    }

    void show(Context ctx) {
        Messages t = language(ctx);
        try {
            page(ctx, t, 200, acknowledgements.show(ctx.pathParam("token")));
        } catch (RuntimeException failure) {
            failed(ctx, t, failure);
        }
    }

    void acknowledge(Context ctx) {
        boolean json = wantsJson(ctx);
        Messages t = language(ctx);
        try {
            Acknowledgements.Request done = acknowledgements.acknowledge(ctx.pathParam("token"), origin(ctx));
            Acknowledgement ack = done.acknowledgement();
            if (json) {
                ctx.header("Cache-Control", "no-store");
                Json.write(ctx, 200, new AcknowledgementView(ack.acknowledgedAt(), ack.integrationId(),
                        ack.accountSid().value(), ack.scope().wireName()));
            } else {
                page(ctx, t, 200, done);
            }
        } catch (AlreadyAcknowledgedException used) {
            if (json) {
                Problems.send(ctx, 410, "gone", "Gone", "this acknowledgement link was already used on "
                        + used.acknowledgedAt());
            } else {
                used(ctx, t);
            }
        } catch (RuntimeException failure) {
            if (json) {
                problem(ctx, failure);
            } else {
                failed(ctx, t, failure);
            }
        }
    }

    /** The page of a used link still says what it was about and when it was used. */
    private void used(Context ctx, Messages t) {
        try {
            page(ctx, t, 410, acknowledgements.show(ctx.pathParam("token")));
        } catch (RuntimeException failure) {
            failed(ctx, t, failure);
        }
    }

    private void page(Context ctx, Messages t, int status, Acknowledgements.Request request) {
        Acknowledgement ack = request.acknowledgement();
        Chrome chrome = chrome(t, t.get(ack.acknowledged() ? "ack.doneTitle" : "ack.title"));
        renderer.page(ctx, status, "acknowledge", new AcknowledgementPage(chrome, ctx.path(), ack.accountSid().value(),
                ack.scope().wireName(), request.integrationName(), ack.resetAt(), ack.acknowledgedAt(),
                request.justAcknowledged()));
    }

    private void failed(Context ctx, Messages t, RuntimeException failure) {
        if (failure instanceof NotFoundException) {
            error(ctx, t, 404, "ack.notFound.title", "ack.notFound.text");
        } else if (failure instanceof StoreUnavailableException) {
            ctx.header("Retry-After", "5");
            error(ctx, t, 503, "error.unavailable.title", "error.unavailable.text");
        } else {
            // never ctx.path(): it holds the owner's link
            LOG.error("unexpected error on the acknowledgement page ({})", ctx.method(), failure);
            error(ctx, t, 500, "error.internal.title", "error.internal.text");
        }
    }

    private static void problem(Context ctx, RuntimeException failure) {
        if (failure instanceof NotFoundException) {
            Problems.send(ctx, 404, "not-found", "Not found", "no such acknowledgement link");
        } else if (failure instanceof StoreUnavailableException) {
            Problems.unavailable(ctx);
        } else {
            LOG.error("unexpected error on the acknowledgement link (POST, JSON)", failure);
            Problems.send(ctx, 500, "internal", "Internal error", "the server failed to answer; the error was logged");
        }
    }

    private void error(Context ctx, Messages t, int status, String titleKey, String textKey) {
        renderer.page(ctx, status, "error", new ErrorPage(chrome(t, t.get(titleKey)), status, t.get(titleKey),
                t.get(textKey)));
    }

    /** No form token and no session: the language follows the browser, the frame has no forms. */
    private static Chrome chrome(Messages t, String title) {
        return new Chrome(t, "", null, List.of(), null, "", "/", title);
    }

    private static Messages language(Context ctx) {
        return Messages.of(Language.fromAcceptLanguage(ctx.header("Accept-Language")));
    }

    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json");
    }

    private RequestOrigin origin(Context ctx) {
        String agent = ctx.header("User-Agent");
        return new RequestOrigin(clientAddress.of(ctx), agent == null ? "" : agent.substring(0, Math.min(200,
                agent.length())));
    }
}
