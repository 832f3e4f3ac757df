package hotline.admin;

import hotline.content.ContentStore;
import hotline.content.DraftEdits;
import hotline.accounts.SignedIn;
import hotline.audit.AuditLog;
import hotline.catalog.CatalogCheck;
import hotline.catalog.CatalogProblem;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogSource.LanguageEntry;
import hotline.catalog.CatalogValidator;
import hotline.catalog.PromptKey;
import hotline.catalog.TextRules;
import hotline.accounts.SessionEnd;
import hotline.catalog.LanguageNames;
import hotline.web.Frame;
import hotline.web.KeptForms;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Editing what callers hear, one language at a time, beside the default language. Saves go to the draft. */
public final class PromptsController {
    private final ContentStore store;
    private final AuditLog audit;
    private final KeptForms kept;

    public PromptsController(ContentStore store, AuditLog audit, KeptForms kept) {
        this.store = store;
        this.audit = audit;
        this.kept = kept;
    }

    public void show(Context ctx) {
        CatalogSource draft = store.draft().content();
        Optional<String> language = chosen(draft, ctx.queryParam("lang"));
        if (language.isEmpty()) {
            ctx.redirect(AdminRoutes.PROMPTS, HttpStatus.SEE_OTHER); // a language since removed: show the default one
            return;
        }
        // Texts sent when a session had ended, opened again to be checked before they are saved.
        Optional<KeptForms.Kept> typed = Optional.ofNullable(ctx.queryParam("typed"))
                .flatMap(id -> kept.find(id, SignedIn.of(ctx).account().id()))
                .filter(k -> k.path().equals(AdminRoutes.PROMPTS) && language.get().equals(k.form().text("lang")));
        Pages.render(ctx, "admin/prompts.jte", page(ctx, draft, language.get(), typed));
    }

    public void save(Context ctx) {
        CatalogSource draft = store.draft().content();
        Optional<String> language = chosen(draft, ctx.formParam("lang"));
        if (language.isEmpty() || ctx.formParam("lang") == null) {
            ctx.status(HttpStatus.BAD_REQUEST).result("Unknown language.");
            return;
        }
        Map<String, Object> texts = new LinkedHashMap<>(draft.prompts().getOrDefault(language.get(), Map.of()));
        for (PromptKey key : PromptKey.values()) {
            String typed = ctx.formParam(key.path());
            if (typed == null) {
                continue; // a form from an older page: leave the text as it was
            }
            // Word's Shift+Enter pastes a vertical tab, which TwiML cannot carry: such characters become spaces.
            String text = TextRules.cleaned(typed.replace("\r\n", "\n")).strip();
            if (text.isEmpty()) {
                texts.remove(key.path());
            } else if (key.kind() == PromptKey.Kind.SEGMENTS) {
                texts.put(key.path(), Arrays.stream(text.split("\n\\s*\n")).map(s -> s.strip().replaceAll("\\s*\n\\s*", " "))
                        .filter(s -> !s.isEmpty()).toList());
            } else {
                texts.put(key.path(), text.replaceAll("\\s*\n\\s*", " "));
            }
        }
        boolean reviewed = ctx.formParam("reviewed") != null;
        String by = SignedIn.of(ctx).name();
        CatalogSource after = store.updateDraft(by, content ->
                DraftEdits.withReviewed(DraftEdits.withPrompts(content, language.get(), texts), language.get(), reviewed)).content();
        ReviewSignOffs.record(audit, by, draft, after);
        String section = Optional.ofNullable(ctx.formParam("section")).filter(p -> p.matches("section-[a-z_]+")).orElse("");
        ctx.redirect(AdminRoutes.PROMPTS + "?lang=" + language.get() + "&notice=saved" + (section.isEmpty() ? "" : "#" + section),
                HttpStatus.SEE_OTHER);
    }

    private PromptsPage page(Context ctx, CatalogSource draft, String language, Optional<KeptForms.Kept> typed) {
        String reference = draft.languages().defaultLanguage();
        Map<String, Object> referenceTexts = draft.prompts().getOrDefault(reference, Map.of());
        Map<String, Object> texts = draft.prompts().getOrDefault(language, Map.of());
        LanguageEntry entry = entry(draft, language).orElseThrow();
        CatalogCheck check = CatalogValidator.check(draft);
        String file = CatalogSource.promptFile(language);
        // A language not offered yet may be unfinished: its problems are warnings; an offered one's block publishing.
        List<CatalogProblem> here = new ArrayList<>(check.errors().stream().filter(p -> p.file().equals(file)).toList());
        here.addAll(check.warnings().stream().filter(p -> p.file().equals(file)).toList());

        List<PromptsPage.Group> groups = new ArrayList<>();
        for (PromptLabels.Section section : PromptLabels.editedSections()) {
            List<PromptsPage.Row> rows = new ArrayList<>();
            for (PromptKey key : PromptKey.values()) {
                if (key.path().startsWith(section.prefix() + ".")) {
                    String problem = here.stream().filter(p -> p.key().replaceAll("\\[\\d+]$", "").equals(key.path()))
                            .map(CatalogProblem::message).collect(Collectors.joining("; "));
                    String text = typed.map(k -> k.form().value(key.path())).orElse(display(texts.get(key.path())));
                    rows.add(new PromptsPage.Row(key.path(), PromptLabels.of(key.path()), needs(key),
                            display(referenceTexts.get(key.path())), text == null ? display(texts.get(key.path())) : text,
                            key.kind() == PromptKey.Kind.SEGMENTS, problem));
                }
            }
            groups.add(new PromptsPage.Group(section.anchor(), section.title(), section.help(), rows));
        }
        List<CatalogProblem> unplaced = here.stream().filter(p -> groups.stream().flatMap(g -> g.rows().stream())
                .noneMatch(r -> r.key().equals(p.key().replaceAll("\\[\\d+]$", "")))).toList();
        List<PromptsPage.LanguageTab> tabs = draft.languages().languages().stream()
                .map(l -> new PromptsPage.LanguageTab(l.code(), LanguageNames.english(l.code(), l.name()), l.reviewedByNativeSpeaker(),
                        l.offered(), l.code().equals(language)))
                .toList();
        String name = LanguageNames.english(language, entry.name());
        boolean blocking = entry.offered() && !here.isEmpty();
        Frame frame = SignedIn.frame(ctx, "Prompts in " + name, "prompts");
        if ("saved".equals(ctx.queryParam("notice")) && blocking) {
            frame = frame.withNotice("Saved to the draft, but " + name + " has problems to fix (listed below) before the draft"
                    + " can be published.", true);
        }
        boolean reviewed = typed.map(k -> k.form().has("reviewed")).orElse(entry.reviewedByNativeSpeaker());
        return new PromptsPage(frame.withErrors(blocking), tabs, language, name, reference,
                LanguageNames.english(reference, entry(draft, reference).map(LanguageEntry::name).orElse(null)), reviewed,
                entry.offered(), groups, ProblemView.of(unplaced, draft), typed.map(KeptForms.Kept::id).orElse(""),
                SessionEnd.RESENT_FIELD);
    }

    private static Optional<String> chosen(CatalogSource draft, String requested) {
        if (requested == null) {
            return Optional.of(draft.languages().defaultLanguage());
        }
        return entry(draft, requested).map(LanguageEntry::code);
    }

    private static Optional<LanguageEntry> entry(CatalogSource draft, String code) {
        return draft.languages().languages().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    private static String needs(PromptKey key) {
        List<String> distinct = key.requiredPlaceholders().stream().distinct().toList();
        if (distinct.isEmpty()) {
            return "";
        }
        return "Must contain " + distinct.stream().map(p -> p + (key.requiredPlaceholders().stream().filter(p::equals).count() > 1
                ? " (twice)" : "")).collect(Collectors.joining(" and "));
    }

    /** A text as it is edited: a topic's segments as paragraphs. */
    static String display(Object value) {
        if (value instanceof List<?> segments) {
            return segments.stream().map(String::valueOf).collect(Collectors.joining("\n\n"));
        }
        return value == null ? "" : String.valueOf(value);
    }
}
