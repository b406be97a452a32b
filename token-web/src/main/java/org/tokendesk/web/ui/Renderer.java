package org.tokendesk.web.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders the precompiled templates ({@code src/main/jte}, generated into
 * {@code org.tokendesk.web.ui.jte} at build time) and sets the headers every page carries.
 */
final class Renderer {

    /**
     * Scripts and styles only from our own files, never inline; fetch only to ourselves; forms only
     * to ourselves; no framing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** Where the error mapper of the API must not overwrite an HTML page (see {@link UiFailures}). */
    static final String RENDERED_PAGE = "tokendesk.ui.page";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Renderer.class.getClassLoader(), "org.tokendesk.web.ui.jte");

    String render(String template, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template + ".jte", model, out);
        return out.toString();
    }

    /** A whole page. Every page is {@code no-store}: they carry CSRF tokens, names, and some of them secrets. */
    void page(Context ctx, int status, String template, Object model) {
        send(ctx, status, render(template, model));
    }

    void send(Context ctx, int status, String html) {
        headers(ctx);
        ctx.attribute(RENDERED_PAGE, html);
        ctx.status(status).contentType("text/html; charset=utf-8").result(html);
    }

    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Cache-Control", "no-store");
    }
}
