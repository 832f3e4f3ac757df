package hotline.admin;

import hotline.content.ContentStore;
import hotline.content.Publisher;
import hotline.accounts.SignedIn;
import hotline.catalog.CatalogSource;
import hotline.catalog.PublishedCatalog;
import hotline.web.FieldError;
import hotline.web.Form;
import hotline.web.KeptForms;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The history of what callers heard: every version, the difference between two, and rolling back to one. Rolling back
 * asks first, on a page that says what callers will hear and what happens to the draft's unpublished changes: kept, on
 * top of the version rolled back to, or replaced by it.
 */
public final class VersionsController {
    static final String KEEP_DRAFT = "keep";
    static final String REPLACE_DRAFT = "replace";

    private final ContentStore store;
    private final Publisher publisher;
    private final PublishedCatalog published;
    private final KeptForms kept;

    public VersionsController(ContentStore store, Publisher publisher, PublishedCatalog published, KeptForms kept) {
        this.store = store;
        this.publisher = publisher;
        this.published = published;
        this.kept = kept;
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
            render(ctx, HttpStatus.NOT_FOUND, 0, 0, List.of(), List.of(FieldError.general("Choose two versions that exist.")));
            return;
        }
        render(ctx, HttpStatus.OK, from, to, ContentDiff.between(before.get(), after.get()), List.of());
    }

    /** Asks before rolling back: what callers will hear, and what becomes of the draft. */
    public void confirmRollback(Context ctx) {
        long id = number(ctx.pathParam("id"));
        Optional<ContentStore.Version> version = store.version(id);
        ContentStore.Version live = store.latest().orElseThrow();
        if (version.isEmpty() || id == live.id()) {
            ctx.redirect(AdminRoutes.VERSIONS, HttpStatus.SEE_OTHER);
            return;
        }
        CatalogSource liveContent = store.content(live.id()).orElseThrow();
        Form typed = Optional.ofNullable(ctx.queryParam("typed")).flatMap(t -> kept.find(t, SignedIn.of(ctx).account().id()))
                .map(KeptForms.Kept::form).orElse(Form.empty());
        List<FieldError> errors = typed.fields().getOrDefault("error", List.of()).stream()
                .map(message -> new FieldError(message.startsWith("Choose") ? "draft-keep" : "", message)).toList();
        Pages.render(ctx, "admin/rollback.jte", new RollbackPage(SignedIn.frame(ctx, "Roll back to " + version.get().label() + "?",
                "versions").withErrors(!errors.isEmpty()), version.get(), live,
                ContentDiff.between(liveContent, store.content(id).orElseThrow()),
                ContentDiff.between(liveContent, store.draft().content()), typed.text("draft"), typed.text("note"), errors,
                published.get().timeZone()));
    }

    public void rollback(Context ctx) {
        long id = number(ctx.pathParam("id"));
        if (store.version(id).isEmpty()) {
            ctx.redirect(AdminRoutes.VERSIONS, HttpStatus.SEE_OTHER); // a version that never was: the list of those that are
            return;
        }
        CatalogSource earlier = store.content(id).orElseThrow();
        CatalogSource live = store.content(store.latest().orElseThrow().id()).orElseThrow();
        boolean draftChanged = !ContentDiff.between(live, store.draft().content()).isEmpty();
        String choice = Optional.ofNullable(ctx.formParam("draft")).orElse("");
        String note = Optional.ofNullable(ctx.formParam("note")).orElse("");
        if (draftChanged && !choice.equals(KEEP_DRAFT) && !choice.equals(REPLACE_DRAFT)) {
            again(ctx, id, choice, note, List.of("Choose whether to keep the draft's changes or replace them"));
            return;
        }
        // The draft's own changes, carried onto the version rolled back to; or that version, as the draft.
        UnaryOperator<CatalogSource> draftAfter = choice.equals(KEEP_DRAFT)
                ? draft -> ContentDiff.carried(earlier, live, draft) : draft -> earlier;
        Publisher.Result result = publisher.rollback(id, SignedIn.of(ctx).name(), note, draftAfter);
        if (result.changedMeanwhile().isPresent()) {
            again(ctx, id, choice, note, List.of("Nothing was rolled back: " + result.changedMeanwhile().get().updatedBy()
                    + " saved a change to the draft meanwhile, and the rollback would have overwritten it. Look at the draft,"
                    + " then roll back again"));
            return;
        }
        if (!result.published()) {
            again(ctx, id, choice, note, ProblemView.of(result.problems(), earlier).stream().map(ProblemView::text).toList());
            return;
        }
        ctx.redirect(AdminRoutes.VERSIONS + "?notice=" + (draftChanged && choice.equals(KEEP_DRAFT) ? "rolled_back_draft_kept" : "rolled_back"),
                HttpStatus.SEE_OTHER);
    }

    /** Back to the question, with what was chosen and why it did not happen: never an answer at the POST address. */
    private void again(Context ctx, long id, String choice, String note, List<String> errors) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("draft", List.of(choice));
        fields.put("note", List.of(note));
        fields.put("error", errors);
        String typed = kept.keep(SignedIn.of(ctx).account().id(), KeptForms.Purpose.TYPED, ctx.path(), new Form(fields));
        ctx.redirect(AdminRoutes.rollback(id) + "?typed=" + typed, HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, HttpStatus status, long from, long to, List<ContentDiff.Change> changes,
                        List<FieldError> problems) {
        long live = store.latest().orElseThrow().id();
        ctx.status(status);
        Pages.render(ctx, "admin/versions.jte", new VersionsPage(SignedIn.frame(ctx, "Versions", "versions").withErrors(!problems.isEmpty()),
                store.versions(), live, from, to, changes, problems, published.get().timeZone()));
    }

    private static long number(String text) {
        return text != null && text.matches("[0-9]{1,12}") ? Long.parseLong(text) : 0;
    }
}
