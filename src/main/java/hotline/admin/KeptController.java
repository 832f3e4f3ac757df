package hotline.admin;

import hotline.accounts.AccountRoutes;
import hotline.accounts.SessionEnd;
import hotline.accounts.SignedIn;
import hotline.catalog.CatalogSource;
import hotline.catalog.PublishedCatalog;
import hotline.content.ContentStore;
import hotline.web.Dates;
import hotline.web.KeptForms;
import hotline.web.MessagePage;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/kept/{id}}: a form sent just after its author's session ended, offered again after they sign in. They
 * can save it as it was sent, open it filled in to check it first, or throw it away; nothing is lost silently.
 */
public final class KeptController {
    private final KeptForms kept;
    private final ContentStore store;
    private final PublishedCatalog published;

    public KeptController(KeptForms kept, ContentStore store, PublishedCatalog published) {
        this.kept = kept;
        this.store = store;
        this.published = published;
    }

    public void show(Context ctx) {
        Optional<KeptForms.Kept> form = find(ctx);
        if (form.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            Pages.render(ctx, "message.jte", new MessagePage(SignedIn.frame(ctx, "Nothing kept here", "overview"),
                    "Nothing is kept here", "What was kept here has been saved or thrown away, or it was kept more than a day ago."));
            return;
        }
        KeptForms.Kept k = form.get();
        CatalogSource draft = store.draft().content();
        List<KeptPage.Field> fields = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        for (Map.Entry<String, List<String>> field : k.form().fields().entrySet()) {
            for (String value : field.getValue()) {
                hidden.add(field.getKey());
                fields.add(new KeptPage.Field(field.getKey(), value));
            }
        }
        Pages.render(ctx, "admin/kept.jte", new KeptPage(SignedIn.frame(ctx, "Kept when your session ended", "overview"),
                k.id(), KeptFormViews.where(k, draft), Dates.dateTimeInZone(k.keptAt(), published.get().timeZone()), k.path(),
                fields, differences(k, draft), KeptFormViews.fillIn(k).orElse(""), SessionEnd.RESENT_FIELD,
                AccountRoutes.kept(k.id())));
    }

    /** Throws the kept form away, at its author's request. */
    public void forget(Context ctx) {
        find(ctx).ifPresent(k -> kept.forget(k.id(), k.accountId()));
        ctx.redirect(AdminRoutes.HOME + "?notice=kept_forgotten", HttpStatus.SEE_OTHER);
    }

    private Optional<KeptForms.Kept> find(Context ctx) {
        return kept.find(ctx.pathParam("id"), SignedIn.of(ctx).account().id())
                .filter(k -> k.purpose() == KeptForms.Purpose.SESSION_ENDED);
    }

    /** For texts sent to the prompts page: each one that differs from the draft now, in words. */
    private static List<KeptPage.Difference> differences(KeptForms.Kept k, CatalogSource draft) {
        if (!k.path().equals(AdminRoutes.PROMPTS)) {
            return List.of();
        }
        String language = k.form().text("lang");
        Map<String, Object> texts = draft.prompts().getOrDefault(language, Map.of());
        List<KeptPage.Difference> differences = new ArrayList<>();
        for (Map.Entry<String, List<String>> field : k.form().fields().entrySet()) {
            if (hotline.catalog.PromptKey.forPath(field.getKey()).isEmpty() || field.getValue().isEmpty()) {
                continue;
            }
            String sent = field.getValue().get(0).replace("\r\n", "\n").strip();
            String now = PromptsController.display(texts.get(field.getKey())).strip();
            if (!sent.equals(now)) {
                differences.add(new KeptPage.Difference(PromptLabels.withSection(field.getKey()), field.getKey(), now, sent));
            }
        }
        return differences;
    }
}
