package hotline.admin;

import hotline.content.FallbackStatus;
import hotline.content.ContentStore;
import hotline.content.Publisher;
import hotline.accounts.SignedIn;
import hotline.catalog.CatalogCheck;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogValidator;
import hotline.catalog.LanguageNames;
import hotline.catalog.PublishedCatalog;
import hotline.web.ConfirmPage;
import hotline.web.Form;
import hotline.web.KeptForms;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin home: the draft against what callers hear, publishing it, reverting one of its changes, or throwing all of
 * them away. Reverting and discarding ask first, on a page that names what would be lost.
 */
public final class OverviewController {
    /** A kept form's field for the problems that stopped a publish, so that they show again after the redirect. */
    private static final String PROBLEM_FIELD = "problem";
    /** ...and where each is fixed. */
    private static final String LINK_FIELD = "problem_link";
    /** Why nothing was published, when it was not the draft's problems. */
    private static final String WHY_FIELD = "why";

    private final ContentStore store;
    private final Publisher publisher;
    private final PublishedCatalog published;
    private final FallbackStatus fallback;
    private final KeptForms kept;

    public OverviewController(ContentStore store, Publisher publisher, PublishedCatalog published, FallbackStatus fallback,
                              KeptForms kept) {
        this.store = store;
        this.publisher = publisher;
        this.published = published;
        this.fallback = fallback;
        this.kept = kept;
    }

    public void show(Context ctx) {
        long account = SignedIn.of(ctx).account().id();
        Form typed = Optional.ofNullable(ctx.queryParam("typed")).flatMap(id -> kept.find(id, account))
                .map(KeptForms.Kept::form).orElse(Form.empty());
        List<String> texts = typed.fields().getOrDefault(PROBLEM_FIELD, List.of());
        List<String> links = typed.fields().getOrDefault(LINK_FIELD, List.of());
        List<ProblemView> refused = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            refused.add(new ProblemView(texts.get(i), i < links.size() ? links.get(i) : ""));
        }
        ContentStore.Version live = store.latest().orElseThrow();
        ContentStore.Draft draft = store.draft();
        CatalogSource liveContent = store.content(live.id()).orElseThrow();
        CatalogCheck check = CatalogValidator.check(draft.content());
        List<OverviewPage.LanguageLink> needReview = draft.content().languages().languages().stream()
                .filter(l -> l.offered() && !l.reviewedByNativeSpeaker())
                .map(l -> new OverviewPage.LanguageLink(l.code(), LanguageNames.english(l.code(), l.name()))).toList();
        List<KeptFormViews.View> waiting = kept.waiting(account, KeptForms.Purpose.SESSION_ENDED).stream()
                .map(k -> KeptFormViews.of(k, draft.content(), published.get().timeZone())).toList();
        Pages.render(ctx, "admin/overview.jte", new OverviewPage(SignedIn.frame(ctx, "Publish", "overview")
                .withErrors(!refused.isEmpty()).cautioned(!check.errors().isEmpty(), LinesController.BUT_PROBLEMS), live, draft,
                ContentDiff.between(liveContent, draft.content()), ProblemView.of(check.errors(), draft.content()),
                ProblemView.of(check.warnings(), draft.content()), needReview, typed.text(WHY_FIELD), refused, typed.text("note"),
                published.get().timeZone(), waiting, fallback.recordLive(published.get())));
    }

    public void publish(Context ctx) {
        String note = Optional.ofNullable(ctx.formParam("note")).orElse("");
        Publisher.Result result = publisher.publishDraft(SignedIn.of(ctx).name(), note);
        String live = store.latest().orElseThrow().label();
        if (result.published()) {
            ctx.redirect(AdminRoutes.HOME + "?notice=published", HttpStatus.SEE_OTHER);
        } else {
            // Back to the page, not a page at this POST address: a reload then shows it again instead of publishing again.
            Map<String, List<String>> fields = new LinkedHashMap<>();
            fields.put("note", List.of(note));
            if (result.changedMeanwhile().isPresent()) {
                fields.put(WHY_FIELD, List.of("Nothing was published: " + result.changedMeanwhile().get().updatedBy()
                        + " saved a change to the draft while it was being published, and publishing would have overwritten it."
                        + " Callers still hear " + live + ". Check the changes below, then publish again."));
            }
            List<ProblemView> problems = ProblemView.of(result.problems(), store.draft().content());
            fields.put(PROBLEM_FIELD, problems.stream().map(ProblemView::text).toList());
            fields.put(LINK_FIELD, problems.stream().map(ProblemView::link).toList());
            String id = kept.keep(SignedIn.of(ctx).account().id(), KeptForms.Purpose.TYPED, AdminRoutes.PUBLISH, new Form(fields));
            ctx.redirect(AdminRoutes.HOME + "?typed=" + id, HttpStatus.SEE_OTHER); // no #fragment: it would take focus from the error summary
        }
    }

    /** Asks before the draft's changes are thrown away, listing each of them. */
    public void confirmDiscard(Context ctx) {
        List<ContentDiff.Change> changes = draftChanges();
        if (changes.isEmpty()) {
            ctx.redirect(AdminRoutes.HOME + "?notice=nothing_to_discard", HttpStatus.SEE_OTHER);
            return;
        }
        String live = store.latest().orElseThrow().label();
        Pages.render(ctx, "confirm.jte", new ConfirmPage(SignedIn.frame(ctx, "Discard the draft's changes?", "overview"),
                "Discard the draft's " + count(changes.size(), "change") + "?",
                "The draft goes back to what callers hear now (" + live + "). These changes are lost for good; callers hear no"
                        + " difference. To undo only one of them, cancel and revert that one.",
                "What would be lost", losses(changes), AdminRoutes.DISCARD, Map.of(),
                "Discard " + count(changes.size(), "change"), true, AdminRoutes.HOME));
    }

    public void discard(Context ctx) {
        ContentStore.Version live = store.latest().orElseThrow();
        CatalogSource current = store.content(live.id()).orElseThrow();
        store.updateDraft(SignedIn.of(ctx).name(), draft -> current);
        ctx.redirect(AdminRoutes.HOME + "?notice=discarded", HttpStatus.SEE_OTHER);
    }

    /** Asks before one change of the draft is put back as callers hear it now. */
    public void confirmRevert(Context ctx) {
        Optional<ContentDiff.Change> change = draftChange(ctx.queryParam("change"));
        if (change.isEmpty()) {
            ctx.redirect(AdminRoutes.HOME + "?notice=nothing_to_revert", HttpStatus.SEE_OTHER);
            return;
        }
        ContentDiff.Change c = change.get();
        Pages.render(ctx, "confirm.jte", new ConfirmPage(SignedIn.frame(ctx, "Revert this change?", "overview"),
                "Revert this change?", c.title() + " goes back to what callers hear now"
                        + (c.before().isEmpty() ? " (nothing)" : ": \"" + c.before() + "\"") + ". Every other change stays in the draft.",
                "What would be lost", List.of(new ConfirmPage.Loss(c.title() + ", in the draft", c.after().isEmpty() ? "(nothing)" : c.after())),
                AdminRoutes.REVERT, Map.of("change", c.id()), "Revert this change", true, AdminRoutes.HOME + "#changes"));
    }

    public void revert(Context ctx) {
        Optional<ContentDiff.Change> change = draftChange(ctx.formParam("change"));
        if (change.isEmpty()) {
            ctx.redirect(AdminRoutes.HOME + "?notice=nothing_to_revert", HttpStatus.SEE_OTHER);
            return;
        }
        CatalogSource live = store.content(store.latest().orElseThrow().id()).orElseThrow();
        store.updateDraft(SignedIn.of(ctx).name(), draft -> ContentDiff.withPart(draft, live, change.get().id()));
        ctx.redirect(AdminRoutes.HOME + "?notice=reverted#changes", HttpStatus.SEE_OTHER);
    }

    /** The link to the page that asks before reverting a change. */
    public static String revertLink(ContentDiff.Change change) {
        return AdminRoutes.REVERT + "?change=" + URLEncoder.encode(change.id(), StandardCharsets.UTF_8);
    }

    static List<ConfirmPage.Loss> losses(List<ContentDiff.Change> changes) {
        return changes.stream().map(c -> new ConfirmPage.Loss(c.title(), c.after().isEmpty() ? "(removed in the draft)" : c.after()))
                .toList();
    }

    static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    private List<ContentDiff.Change> draftChanges() {
        CatalogSource live = store.content(store.latest().orElseThrow().id()).orElseThrow();
        return ContentDiff.between(live, store.draft().content());
    }

    private Optional<ContentDiff.Change> draftChange(String id) {
        return id == null ? Optional.empty() : draftChanges().stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
