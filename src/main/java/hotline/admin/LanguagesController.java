package hotline.admin;

import hotline.content.ContentStore;
import hotline.content.DraftEdits;
import hotline.accounts.SignedIn;
import hotline.audit.AuditLog;
import hotline.catalog.CatalogCheck;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogSource.LanguageEntry;
import hotline.catalog.CatalogValidator;
import hotline.catalog.LanguageNames;
import hotline.metrics.CallStatistics;
import hotline.metrics.DateRange;
import hotline.voice.SpokenLength;
import hotline.voice.StepUrls;
import hotline.web.Form;
import hotline.web.KeptForms;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The language menu: order, keys, voices, listening, which languages are offered, and adding a language. */
public final class LanguagesController {
    private static final LanguagesPage.Row NOTHING_TYPED = new LanguagesPage.Row("", "", "", "", "", "", false, false, 0);

    private final ContentStore store;
    private final AuditLog audit;
    private final CallStatistics statistics;
    private final StepUrls urls;
    /** The hotline's time zone: the published content's. */
    private final Supplier<ZoneId> zone;
    private final Clock clock;
    private final KeptForms kept;

    public LanguagesController(ContentStore store, AuditLog audit, CallStatistics statistics, StepUrls urls,
                               Supplier<ZoneId> zone, Clock clock, KeptForms kept) {
        this.zone = zone;
        this.kept = kept;
        this.store = store;
        this.audit = audit;
        this.statistics = statistics;
        this.urls = urls;
        this.clock = clock;
    }

    public void show(Context ctx) {
        CatalogSource draft = store.draft().content();
        Optional<KeptForms.Kept> typed = Optional.ofNullable(ctx.queryParam("typed"))
                .flatMap(id -> kept.find(id, SignedIn.of(ctx).account().id()));
        if (typed.isPresent() && typed.get().path().equals(AdminRoutes.LANGUAGES)) {
            List<LanguagesPage.Row> rows = typedRows(draft, typed.get().form());
            String defaultLanguage = typed.get().form().text("default");
            render(ctx, draft, rows, defaultLanguage, menuErrors(rows, defaultLanguage), NOTHING_TYPED, Map.of());
            return;
        }
        if (typed.isPresent() && typed.get().path().equals(AdminRoutes.LANGUAGE_ADD)) {
            LanguagesPage.Row adding = addedRow(typed.get().form());
            render(ctx, draft, rows(draft), draft.languages().defaultLanguage(), Map.of(), adding, addErrors(draft, adding));
            return;
        }
        render(ctx, draft, rows(draft), draft.languages().defaultLanguage(), Map.of(), NOTHING_TYPED, Map.of());
    }

    public void save(Context ctx) {
        CatalogSource draft = store.draft().content();
        Form sent = Form.of(ctx);
        List<LanguagesPage.Row> typed = typedRows(draft, sent);
        String defaultLanguage = sent.text("default").strip();
        if (!menuErrors(typed, defaultLanguage).isEmpty()) {
            String id = kept.keep(SignedIn.of(ctx).account().id(), KeptForms.Purpose.TYPED, AdminRoutes.LANGUAGES, sent);
            ctx.redirect(AdminRoutes.LANGUAGES + "?typed=" + id, HttpStatus.SEE_OTHER);
            return;
        }
        List<LanguageEntry> entries = typed.stream().map(LanguagesController::entry).toList();
        String by = SignedIn.of(ctx).name();
        CatalogSource after = store.updateDraft(by, content -> DraftEdits.withLanguages(content, entries, defaultLanguage)).content();
        ReviewSignOffs.record(audit, by, draft, after);
        ctx.redirect(AdminRoutes.LANGUAGES + "?notice=saved", HttpStatus.SEE_OTHER);
    }

    public void move(Context ctx) {
        int delta = "up".equals(ctx.formParam("direction")) ? -1 : 1;
        store.updateDraft(SignedIn.of(ctx).name(), content -> DraftEdits.movedLanguage(content, ctx.pathParam("code"), delta));
        ctx.redirect(AdminRoutes.LANGUAGES + "#order", HttpStatus.SEE_OTHER);
    }

    /** Puts the languages chosen most in the last 30 days first, so most callers hear theirs soonest. */
    public void orderByUse(Context ctx) {
        Map<String, Long> lately = chosenLately();
        store.updateDraft(SignedIn.of(ctx).name(), content -> DraftEdits.withLanguages(content,
                content.languages().languages().stream()
                        .sorted(Comparator.comparing((LanguageEntry l) -> -lately.getOrDefault(l.code(), 0L))).toList(),
                content.languages().defaultLanguage()));
        ctx.redirect(AdminRoutes.LANGUAGES + "?notice=saved", HttpStatus.SEE_OTHER);
    }

    public void add(Context ctx) {
        CatalogSource draft = store.draft().content();
        Form sent = Form.of(ctx);
        LanguagesPage.Row row = addedRow(sent);
        if (!addErrors(draft, row).isEmpty()) {
            String id = kept.keep(SignedIn.of(ctx).account().id(), KeptForms.Purpose.TYPED, AdminRoutes.LANGUAGE_ADD, sent);
            ctx.redirect(AdminRoutes.LANGUAGES + "?typed=" + id, HttpStatus.SEE_OTHER);
            return;
        }
        store.updateDraft(SignedIn.of(ctx).name(), content -> DraftEdits.withNewLanguage(content, entry(row)));
        ctx.redirect(AdminRoutes.PROMPTS + "?lang=" + row.code() + "&notice=saved", HttpStatus.SEE_OTHER);
    }

    private List<LanguagesPage.Row> typedRows(CatalogSource draft, Form form) {
        Map<String, Long> lately = chosenLately();
        List<LanguagesPage.Row> typed = new ArrayList<>();
        for (LanguageEntry l : draft.languages().languages()) {
            typed.add(new LanguagesPage.Row(l.code(), form.text("key_" + l.code()).strip(), form.text("twilio_" + l.code()).strip(),
                    form.text("voice_" + l.code()).strip(), form.text("speech_" + l.code()).strip(), form.text("name_" + l.code()).strip(),
                    form.has("enabled_" + l.code()), form.has("reviewed_" + l.code()), lately.getOrDefault(l.code(), 0L)));
        }
        return typed;
    }

    private static LanguagesPage.Row addedRow(Form form) {
        return new LanguagesPage.Row(form.text("code").strip(), form.text("key").strip(), form.text("twilio_language").strip(),
                form.text("voice").strip(), form.text("speech_language").strip(), form.text("name").strip(), false, false, 0);
    }

    /** What is wrong with the language menu as typed, by the id of the field to fix. */
    private static Map<String, String> menuErrors(List<LanguagesPage.Row> typed, String defaultLanguage) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (LanguagesPage.Row row : typed) {
            String name = LanguageNames.english(row.code(), row.name());
            problems(row, name, "", errors);
            if (row.enabled() && keys.putIfAbsent(row.key(), name) != null) {
                errors.putIfAbsent("key_" + row.code(), name + " and " + keys.get(row.key()) + " both use key " + row.key()
                        + ": give each language offered its own key");
            }
        }
        if (typed.stream().noneMatch(r -> r.enabled() && r.code().equals(defaultLanguage))) {
            String first = typed.isEmpty() ? "" : typed.get(0).code();
            errors.put("default_" + (typed.stream().anyMatch(r -> r.code().equals(defaultLanguage)) ? defaultLanguage : first),
                    "The default language must be one that is offered: tick \"Offered\" for it, or choose another default");
        }
        return errors;
    }

    private static Map<String, String> addErrors(CatalogSource draft, LanguagesPage.Row row) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (row.code().isEmpty()) {
            errors.put("code", "Enter the language's code, like hy-AM");
        } else if (!row.code().matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            errors.put("code", "\"" + row.code() + "\" is not a language code: write a language and a country, like hy-AM or ko-KR");
        } else if (draft.languages().languages().stream().anyMatch(l -> l.code().equals(row.code()))) {
            errors.put("code", "There is already a language " + row.code() + " (" + KeptFormViews.languageName(draft, row.code()) + ")");
        }
        problems(row, "the new language", "new-", errors);
        return errors;
    }

    private static LanguageEntry entry(LanguagesPage.Row row) {
        return new LanguageEntry(row.code(), row.key(), blankToNull(row.twilioLanguage()), blankToNull(row.voice()),
                row.enabled() ? null : false, row.reviewed(), blankToNull(row.speechLanguage()), blankToNull(row.name()));
    }

    /**
     * The problems of one language's settings, by field id: {@code key_es-US} in the menu's table, {@code new-key} for a
     * language being added.
     */
    private static void problems(LanguagesPage.Row row, String name, String prefix, Map<String, String> errors) {
        boolean adding = !prefix.isEmpty();
        String key = adding ? "new-key" : "key_" + row.code();
        String twilio = adding ? "twilio_language" : "twilio_" + row.code();
        String voice = adding ? "voice" : "voice_" + row.code();
        String speech = adding ? "speech_language" : "speech_" + row.code();
        if (!row.key().matches("[1-9]")) {
            errors.put(key, "Choose a key from 1 to 9 for " + name);
        }
        if (row.twilioLanguage().isBlank() != row.voice().isBlank()) {
            errors.put(row.voice().isBlank() ? voice : twilio, "Give " + name + " both a Twilio language and a voice, or neither for a"
                    + " language heard from recordings only");
        } else if (!row.voice().isBlank()) {
            if (!CatalogValidator.TWILIO_LANGUAGES.contains(row.twilioLanguage())) {
                errors.put(twilio, "\"" + row.twilioLanguage() + "\" is not a language Twilio can speak: choose one from the list");
            }
            if (!CatalogValidator.TWILIO_VOICES.contains(row.voice())) {
                errors.put(voice, "\"" + row.voice() + "\" is not a Twilio voice: choose one from the list (names are case-sensitive)");
            }
        }
        if (!row.speechLanguage().isBlank() && !CatalogValidator.SPEECH_LANGUAGES.contains(row.speechLanguage())) {
            errors.put(speech, "\"" + row.speechLanguage() + "\" is not a language Twilio can listen for: choose one from the list");
        }
    }

    private List<LanguagesPage.Row> rows(CatalogSource draft) {
        Map<String, Long> lately = chosenLately();
        return draft.languages().languages().stream().map(l -> new LanguagesPage.Row(l.code(), l.key(),
                nullToBlank(l.twilioLanguage()), nullToBlank(l.voice()), nullToBlank(l.speechLanguage()),
                LanguageNames.english(l.code(), l.name()), l.offered(), l.reviewedByNativeSpeaker(),
                lately.getOrDefault(l.code(), 0L))).toList();
    }

    /** How many callers chose each language in the last 30 days (in the hotline's days): the menu should follow it. */
    private Map<String, Long> chosenLately() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone.get());
        return statistics.callsByLanguage(new DateRange(today.minusDays(29), today));
    }

    private void render(Context ctx, CatalogSource draft, List<LanguagesPage.Row> rows, String defaultLanguage,
                        Map<String, String> errors, LanguagesPage.Row adding, Map<String, String> addErrors) {
        CatalogCheck check = CatalogValidator.check(draft);
        List<ProblemView> problems = ProblemView.of(check.errors().stream()
                .filter(p -> p.file().equals(CatalogSource.LANGUAGES_FILE)).toList(), draft);
        Map<String, List<String>> voices = new LinkedHashMap<>();
        List<String> polly = CatalogValidator.TWILIO_VOICES.stream().filter(v -> v.startsWith("Polly.")).sorted().toList();
        for (String language : CatalogValidator.TWILIO_LANGUAGES) {
            List<String> forLanguage = new ArrayList<>(CatalogValidator.TWILIO_VOICES.stream()
                    .filter(v -> v.startsWith("Google." + language + "-")).sorted().toList());
            forLanguage.addAll(polly);
            voices.put(language, forLanguage);
        }
        voices.put("", polly);
        int seconds = check.catalog().map(catalog -> (int) Math.round(SpokenLength.languageMenu(catalog, urls))).orElse(-1);
        String another = draft.languages().anotherLanguage() == null ? "" : draft.languages().anotherLanguage().key();
        Map<String, String> all = new LinkedHashMap<>(errors);
        all.putAll(addErrors);
        Pages.render(ctx, "admin/languages.jte", new LanguagesPage(SignedIn.frame(ctx, "Languages", "languages")
                .withErrors(!all.isEmpty()).cautioned(!problems.isEmpty(), LinesController.BUT_PROBLEMS), rows,
                defaultLanguage, CatalogValidator.TWILIO_LANGUAGES.stream().sorted().toList(),
                CatalogValidator.SPEECH_LANGUAGES.stream().sorted().toList(), voices, problems, all, adding, seconds, another));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String nullToBlank(String text) {
        return text == null ? "" : text;
    }
}
