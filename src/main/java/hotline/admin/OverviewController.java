package hotline.admin;

import hotline.content.FallbackStatus;
import hotline.content.ContentStore;
import hotline.content.Publisher;
import hotline.accounts.SignedIn;
import hotline.catalog.CatalogCheck;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogValidator;
import hotline.catalog.PublishedCatalog;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.List;
import java.util.Optional;

/** The admin home: the draft against what callers hear, publishing it, or throwing its changes away. */
public final class OverviewController {
    private final ContentStore store;
    private final Publisher publisher;
    private final PublishedCatalog published;
    private final FallbackStatus fallback;

    public OverviewController(ContentStore store, Publisher publisher, PublishedCatalog published, FallbackStatus fallback) {
        this.store = store;
        this.publisher = publisher;
        this.published = published;
        this.fallback = fallback;
    }

    public void show(Context ctx) {
        render(ctx, HttpStatus.OK, "", "");
    }

    public void publish(Context ctx) {
        String note = Optional.ofNullable(ctx.formParam("note")).orElse("");
        Publisher.Result result = publisher.publishDraft(SignedIn.of(ctx).name(), note);
        String live = store.latest().orElseThrow().label();
        if (result.published()) {
            ctx.redirect(AdminRoutes.HOME + "?notice=published", HttpStatus.SEE_OTHER);
        } else if (result.changedMeanwhile().isPresent()) {
            ContentStore.Draft edited = result.changedMeanwhile().get();
            render(ctx, HttpStatus.CONFLICT, "Nothing was published: " + edited.updatedBy() + " saved a change to the draft "
                    + "while it was being published, and publishing would have overwritten it. Callers still hear " + live
                    + ". Check the changes below, then publish again.", note);
        } else {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "Nothing was published: the draft has the problems below. "
                    + "Callers still hear " + live + ".", note);
        }
    }

    public void discard(Context ctx) {
        ContentStore.Version live = store.latest().orElseThrow();
        CatalogSource current = store.content(live.id()).orElseThrow();
        store.updateDraft(SignedIn.of(ctx).name(), draft -> current);
        ctx.redirect(AdminRoutes.HOME + "?notice=discarded", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, HttpStatus status, String refusal, String note) {
        ContentStore.Version live = store.latest().orElseThrow();
        ContentStore.Draft draft = store.draft();
        CatalogSource liveContent = store.content(live.id()).orElseThrow();
        CatalogCheck check = CatalogValidator.check(draft.content());
        List<String> needReview = draft.content().languages().languages().stream()
                .filter(l -> l.offered() && !l.reviewedByNativeSpeaker()).map(l -> l.code()).toList();
        ctx.status(status);
        Pages.render(ctx, "admin/overview.jte", new OverviewPage(SignedIn.frame(ctx, "Publish", "overview"), live, draft,
                ContentDiff.between(liveContent, draft.content()), ProblemView.of(check.errors()),
                ProblemView.of(check.warnings()), needReview, refusal, note, published.get().timeZone(),
                fallback.recordLive(published.get())));
    }
}
