package hotline.admin;

import hotline.content.FallbackStatus;
import hotline.accounts.SignedIn;
import hotline.audit.AuditLog;
import hotline.catalog.PublishedCatalog;
import hotline.voice.FallbackTwiml;
import hotline.web.MessagePage;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.Optional;

/**
 * The fallback for the TwiML Bin: shown to copy, with the steps to paste it; and "I have pasted it", which records
 * which fallback the Bin now holds (in the audit log too), so the Publish page can say when it needs pasting again.
 */
public final class FallbackController {
    private final PublishedCatalog published;
    private final FallbackStatus status;
    private final AuditLog audit;

    public FallbackController(PublishedCatalog published, FallbackStatus status, AuditLog audit) {
        this.published = published;
        this.status = status;
        this.audit = audit;
    }

    public void show(Context ctx) {
        FallbackTwiml fallback = FallbackTwiml.of(published.get());
        Pages.render(ctx, "admin/fallback.jte", new FallbackPage(SignedIn.frame(ctx, "Fallback", "overview"),
                published.get().version(), fallback, status.recordLive(published.get())));
    }

    public void pasted(Context ctx) {
        String fingerprint = Optional.ofNullable(ctx.formParam("fingerprint")).orElse("");
        String by = SignedIn.of(ctx).name();
        FallbackStatus.Status before = status.recordLive(published.get());
        if (!status.markPasted(published.get(), fingerprint, by)) {
            ctx.status(HttpStatus.CONFLICT);
            Pages.render(ctx, "message.jte", new MessagePage(SignedIn.frame(ctx, "The fallback changed", "overview"),
                    "The fallback changed meanwhile",
                    "Content was published while you were pasting, so the fallback you copied is not the live one any more. "
                            + "Nothing was marked. Show the fallback again, paste it, then press \"I have pasted it\"."));
            return;
        }
        audit.record(by, "fallback_pasted", "fallback " + fingerprint + " (changed in " + before.changedIn()
                + ") is in the TwiML Bin");
        ctx.redirect(AdminRoutes.HOME, HttpStatus.SEE_OTHER);
    }
}
