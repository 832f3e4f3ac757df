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
    private static final Map<String, String[]> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("language_menu", new String[]{"Language menu", "Every language's welcome and key are said in its own voice;"
                + " \"another language\" in the languages chosen for it in languages.yaml (announce_in)."});
        GROUPS.put("main_menu", new String[]{"Main menu", "The safety sentence opens the main menu."});
        GROUPS.put("about_menu", new String[]{"What trafficking is (menu)", ""});
        GROUPS.put("lines_menu", new String[]{"Phone numbers (menu)", "{name} is the line's name in this language."});
        GROUPS.put("line_kinds", new String[]{"Who will answer", "Said before every transfer, by the kind of the line"
                + " (see Lines), so that a caller who fears the police or immigration enforcement can choose with open eyes."});
        GROUPS.put("closed_line", new String[]{"A line that is closed", ""});
        GROUPS.put("topics", new String[]{"Topics", "Each paragraph is spoken as one short segment, with a pause after it."
                + " Leave an empty line between paragraphs."});
        GROUPS.put("input", new String[]{"No key, or a wrong key", ""});
        GROUPS.put("transfer", new String[]{"Transfers", "{number} is said digit by digit; say it twice."});
        GROUPS.put("error", new String[]{"When something goes wrong", "Followed by a transfer to the 24-hour hotline."});
    }

    private final ContentStore store;
    private final AuditLog audit;

    public PromptsController(ContentStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    public void show(Context ctx) {
        CatalogSource draft = store.draft().content();
        Optional<String> language = chosen(draft, ctx.queryParam("lang"));
        if (language.isEmpty()) {
            ctx.redirect(AdminRoutes.PROMPTS, HttpStatus.SEE_OTHER); // a language since removed: show the default one
            return;
        }
        Pages.render(ctx, "admin/prompts.jte", page(ctx, draft, language.get()));
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
        ctx.redirect(AdminRoutes.PROMPTS + "?lang=" + language.get() + "&notice=saved", HttpStatus.SEE_OTHER);
    }

    private PromptsPage page(Context ctx, CatalogSource draft, String language) {
        String reference = draft.languages().defaultLanguage();
        Map<String, Object> referenceTexts = draft.prompts().getOrDefault(reference, Map.of());
        Map<String, Object> texts = draft.prompts().getOrDefault(language, Map.of());
        CatalogCheck check = CatalogValidator.check(draft);
        List<CatalogProblem> problems = new ArrayList<>(check.errors());
        problems.addAll(check.warnings());
        String file = CatalogSource.promptFile(language);
        List<CatalogProblem> here = problems.stream().filter(p -> p.file().equals(file)).toList();

        List<PromptsPage.Group> groups = new ArrayList<>();
        GROUPS.forEach((prefix, title) -> {
            List<PromptsPage.Row> rows = new ArrayList<>();
            for (PromptKey key : PromptKey.values()) {
                if (key.path().startsWith(prefix + ".")) {
                    String problem = here.stream().filter(p -> p.key().replaceAll("\\[\\d+]$", "").equals(key.path()))
                            .map(CatalogProblem::message).collect(Collectors.joining("; "));
                    rows.add(new PromptsPage.Row(key.path(), needs(key), display(referenceTexts.get(key.path())),
                            display(texts.get(key.path())), key.kind() == PromptKey.Kind.SEGMENTS, problem));
                }
            }
            groups.add(new PromptsPage.Group(title[0], title[1], rows));
        });
        LanguageEntry entry = entry(draft, language).orElseThrow();
        List<PromptsPage.LanguageTab> tabs = draft.languages().languages().stream()
                .map(l -> new PromptsPage.LanguageTab(l.code(), l.reviewedByNativeSpeaker(), l.offered(), l.code().equals(language)))
                .toList();
        return new PromptsPage(SignedIn.frame(ctx, "Prompts: " + language, "prompts"), tabs, language, reference,
                entry.reviewedByNativeSpeaker(), entry.offered(), groups, ProblemView.of(here));
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
    private static String display(Object value) {
        if (value instanceof List<?> segments) {
            return segments.stream().map(String::valueOf).collect(Collectors.joining("\n\n"));
        }
        return value == null ? "" : String.valueOf(value);
    }
}
