package hotline.admin;

import hotline.accounts.SignedIn;
import hotline.catalog.CatalogCheck;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogSource.LanguageEntry;
import hotline.catalog.CatalogValidator;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The language menu: order, keys, voices, which languages are offered, and adding a language. */
public final class LanguagesController {
    private final ContentStore store;

    public LanguagesController(ContentStore store) {
        this.store = store;
    }

    public void show(Context ctx) {
        CatalogSource draft = store.draft().content();
        render(ctx, HttpStatus.OK, draft, rows(draft), draft.languages().defaultLanguage(), "", new LanguagesPage.Row("", "", "", "", false, false));
    }

    public void save(Context ctx) {
        CatalogSource draft = store.draft().content();
        List<LanguagesPage.Row> typed = new ArrayList<>();
        for (LanguageEntry l : draft.languages().languages()) {
            typed.add(new LanguagesPage.Row(l.code(), param(ctx, "key_" + l.code()), param(ctx, "twilio_" + l.code()),
                    param(ctx, "voice_" + l.code()), ctx.formParam("enabled_" + l.code()) != null,
                    ctx.formParam("reviewed_" + l.code()) != null));
        }
        String defaultLanguage = param(ctx, "default");
        List<String> errors = new ArrayList<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (LanguagesPage.Row row : typed) {
            errors.addAll(problems(row));
            if (row.enabled() && keys.putIfAbsent(row.key(), row.code()) != null) {
                errors.add(row.code() + " and " + keys.get(row.key()) + " both use key " + row.key() + ".");
            }
        }
        if (typed.stream().noneMatch(r -> r.enabled() && r.code().equals(defaultLanguage))) {
            errors.add("The default language must be one that is offered.");
        }
        if (!errors.isEmpty()) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, draft, typed, defaultLanguage, String.join(" ", errors),
                    new LanguagesPage.Row("", "", "", "", false, false));
            return;
        }
        List<LanguageEntry> entries = typed.stream().map(r -> new LanguageEntry(r.code(), r.key(), r.twilioLanguage(),
                r.voice(), r.enabled() ? null : false, r.reviewed())).toList();
        store.updateDraft(SignedIn.of(ctx).name(), content -> DraftEdits.withLanguages(content, entries, defaultLanguage));
        ctx.redirect(AdminRoutes.LANGUAGES + "?notice=saved", HttpStatus.SEE_OTHER);
    }

    public void move(Context ctx) {
        int delta = "up".equals(ctx.formParam("direction")) ? -1 : 1;
        store.updateDraft(SignedIn.of(ctx).name(), content -> DraftEdits.movedLanguage(content, ctx.pathParam("code"), delta));
        ctx.redirect(AdminRoutes.LANGUAGES, HttpStatus.SEE_OTHER);
    }

    public void add(Context ctx) {
        CatalogSource draft = store.draft().content();
        LanguagesPage.Row row = new LanguagesPage.Row(param(ctx, "code"), param(ctx, "key"), param(ctx, "twilio_language"),
                param(ctx, "voice"), false, false);
        List<String> errors = new ArrayList<>(problems(row));
        if (!row.code().matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            errors.add("\"" + row.code() + "\" is not a language code like ko-KR.");
        }
        if (draft.languages().languages().stream().anyMatch(l -> l.code().equals(row.code()))) {
            errors.add("There is already a language " + row.code() + ".");
        }
        if (!errors.isEmpty()) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, draft, rows(draft), draft.languages().defaultLanguage(),
                    String.join(" ", errors), row);
            return;
        }
        store.updateDraft(SignedIn.of(ctx).name(), content -> DraftEdits.withNewLanguage(content,
                new LanguageEntry(row.code(), row.key(), row.twilioLanguage(), row.voice(), false, false)));
        ctx.redirect(AdminRoutes.PROMPTS + "?lang=" + row.code() + "&notice=saved", HttpStatus.SEE_OTHER);
    }

    private static List<String> problems(LanguagesPage.Row row) {
        List<String> problems = new ArrayList<>();
        String who = row.code().isEmpty() ? "The new language" : row.code();
        if (!row.key().matches("[1-9]")) {
            problems.add(who + ": the key is one digit from 1 to 9.");
        }
        if (!CatalogValidator.TWILIO_LANGUAGES.contains(row.twilioLanguage())) {
            problems.add(who + ": \"" + row.twilioLanguage() + "\" is not a language Twilio can speak.");
        }
        if (!CatalogValidator.TWILIO_VOICES.contains(row.voice())) {
            problems.add(who + ": \"" + row.voice() + "\" is not a Twilio voice (names are case-sensitive).");
        }
        return problems;
    }

    private static List<LanguagesPage.Row> rows(CatalogSource draft) {
        return draft.languages().languages().stream().map(l -> new LanguagesPage.Row(l.code(), l.key(), l.twilioLanguage(),
                l.voice(), l.offered(), l.reviewedByNativeSpeaker())).toList();
    }

    private static void render(Context ctx, HttpStatus status, CatalogSource draft, List<LanguagesPage.Row> rows,
                               String defaultLanguage, String error, LanguagesPage.Row adding) {
        CatalogCheck check = CatalogValidator.check(draft);
        List<ProblemView> problems = ProblemView.of(check.errors().stream()
                .filter(p -> p.file().equals(CatalogSource.LANGUAGES_FILE)).toList());
        Map<String, List<String>> voices = new LinkedHashMap<>();
        List<String> polly = CatalogValidator.TWILIO_VOICES.stream().filter(v -> v.startsWith("Polly.")).sorted().toList();
        for (String language : CatalogValidator.TWILIO_LANGUAGES) {
            List<String> forLanguage = new ArrayList<>(CatalogValidator.TWILIO_VOICES.stream()
                    .filter(v -> v.startsWith("Google." + language + "-")).sorted().toList());
            forLanguage.addAll(polly);
            voices.put(language, forLanguage);
        }
        voices.put("", polly);
        ctx.status(status);
        Pages.render(ctx, "admin/languages.jte", new LanguagesPage(SignedIn.frame(ctx, "Languages", "languages"), rows,
                defaultLanguage, CatalogValidator.TWILIO_LANGUAGES.stream().sorted().collect(Collectors.toList()), voices,
                problems, error, adding));
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }
}
