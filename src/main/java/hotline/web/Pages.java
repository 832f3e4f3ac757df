package hotline.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import io.javalin.http.Context;

/**
 * Renders the server-side pages: jte templates from {@code src/main/jte}, compiled with the app, every value
 * HTML-escaped unless a template says otherwise.
 */
public final class Pages {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Pages() {
    }

    /** Renders {@code template} (such as {@code admin/lines.jte}) with its one parameter, a page model. */
    public static void render(Context ctx, String template, Object page) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, page, out);
        ctx.html(out.toString());
    }
}
