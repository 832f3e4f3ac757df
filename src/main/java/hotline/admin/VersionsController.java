package hotline.admin;

import hotline.content.ContentStore;
import hotline.content.Publisher;
import hotline.accounts.SignedIn;
import hotline.catalog.CatalogSource;
import hotline.catalog.PublishedCatalog;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.List;
import java.util.Optional;

/** The history of what callers heard: every version, the difference between two, and rolling back to one. */
public final class VersionsController {
    private final ContentStore store;
    private final Publisher publisher;
    private final PublishedCatalog published;

    public VersionsController(ContentStore store, Publisher publisher, PublishedCatalog published) {
        this.store = store;
        this.publisher = publisher;
        this.published = published;
    }

    public void list(Context ctx) {
        render(ctx, HttpStatus.OK, 0, 0, List.of(), List.of());
    }

    public void diff(Context ctx) {
        long from = number(ctx.queryParam("from"));
        long to = number(ctx.queryParam("to"));
        Optional<CatalogSource> before = store.content(from);
        Optional<CatalogSource> after = store.content(to);
        if (before.isEmpty() || after.isEmpty()) {
            render(ctx, HttpStatus.NOT_FOUND, 0, 0, List.of(), List.of(new ProblemView("Choose two versions that exist.", "")));
            return;
        }
        render(ctx, HttpStatus.OK, from, to, ContentDiff.between(before.get(), after.get()), List.of());
    }

    public void rollback(Context ctx) {
        long id = number(ctx.pathParam("id"));
        if (store.version(id).isEmpty()) {
            render(ctx, HttpStatus.NOT_FOUND, 0, 0, List.of(), List.of(new ProblemView("There is no version " + id + ".", "")));
            return;
        }
        Publisher.Result result = publisher.rollback(id, SignedIn.of(ctx).name(), Optional.ofNullable(ctx.formParam("note")).orElse(""));
        if (result.changedMeanwhile().isPresent()) {
            render(ctx, HttpStatus.CONFLICT, 0, 0, List.of(), List.of(new ProblemView("Nothing was rolled back: "
                    + result.changedMeanwhile().get().updatedBy() + " saved a change to the draft meanwhile, and the rollback "
                    + "would have overwritten it. Look at the draft, then roll back again.", AdminRoutes.HOME)));
            return;
        }
        if (!result.published()) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, 0, 0, List.of(), ProblemView.of(result.problems()));
            return;
        }
        ctx.redirect(AdminRoutes.VERSIONS + "?notice=rolled_back", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, HttpStatus status, long from, long to, List<ContentDiff.Change> changes,
                        List<ProblemView> problems) {
        long live = store.latest().orElseThrow().id();
        ctx.status(status);
        Pages.render(ctx, "admin/versions.jte", new VersionsPage(SignedIn.frame(ctx, "Versions", "versions"),
                store.versions(), live, from, to, changes, problems, published.get().timeZone()));
    }

    private static long number(String text) {
        return text != null && text.matches("[0-9]{1,12}") ? Long.parseLong(text) : 0;
    }
}
