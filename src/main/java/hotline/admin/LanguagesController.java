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

    public LanguagesController(ContentStore store, AuditLog audit, CallStatistics statistics, StepUrls urls,
                               Supplier<ZoneId> zone, Clock clock) {
        this.zone = zone;
        this.store = store;
        this.audit = audit;
        this.statistics = statistics;
        this.urls = urls;
        this.clock = clock;
    }

    public void show(Context ctx) {
        CatalogSource draft = store.draft().content();
        render(ctx, HttpStatus.OK, draft, rows(draft), draft.languages().defaultLanguage(), "", NOTHING_TYPED);
    }

    public void save(Context ctx) {
        CatalogSource draft = store.draft().content();
        Map<String, Long> lately = chosenLately();
        List<LanguagesPage.Row> typed = new ArrayList<>();
        for (LanguageEntry l : draft.languages().languages()) {
            typed.add(new LanguagesPage.Row(l.code(), param(ctx, "key_" + l.code()), param(ctx, "twilio_" + l.code()),
                    param(ctx, "voice_" + l.code()), param(ctx, "speech_" + l.code()), param(ctx, "name_" + l.code()),
                    ctx.formParam("enabled_" + l.code()) != null, ctx.formParam("reviewed_" + l.code()) != null,
                    lately.getOrDefault(l.code(), 0L)));
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
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, draft, typed, defaultLanguage, String.join(" ", errors), NOTHING_TYPED);
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
        ctx.redirect(AdminRoutes.LANGUAGES, HttpStatus.SEE_OTHER);
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
        LanguagesPage.Row row = new LanguagesPage.Row(param(ctx, "code"), param(ctx, "key"), param(ctx, "twilio_language"),
                param(ctx, "voice"), param(ctx, "speech_language"), param(ctx, "name"), false, false, 0);
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
        store.updateDraft(SignedIn.of(ctx).name(), content -> DraftEdits.withNewLanguage(content, entry(row)));
        ctx.redirect(AdminRoutes.PROMPTS + "?lang=" + row.code() + "&notice=saved", HttpStatus.SEE_OTHER);
    }

    private static LanguageEntry entry(LanguagesPage.Row row) {
        return new LanguageEntry(row.code(), row.key(), blankToNull(row.twilioLanguage()), blankToNull(row.voice()),
                row.enabled() ? null : false, row.reviewed(), blankToNull(row.speechLanguage()), blankToNull(row.name()));
    }

    private static List<String> problems(LanguagesPage.Row row) {
        List<String> problems = new ArrayList<>();
        String who = row.code().isEmpty() ? "The new language" : row.code();
        if (!row.key().matches("[1-9]")) {
            problems.add(who + ": the key is one digit from 1 to 9.");
        }
        if (row.twilioLanguage().isBlank() != row.voice().isBlank()) {
            problems.add(who + ": give both a Twilio language and a voice, or neither for a language heard from recordings only.");
        } else if (!row.voice().isBlank()) {
            if (!CatalogValidator.TWILIO_LANGUAGES.contains(row.twilioLanguage())) {
                problems.add(who + ": \"" + row.twilioLanguage() + "\" is not a language Twilio can speak.");
            }
            if (!CatalogValidator.TWILIO_VOICES.contains(row.voice())) {
                problems.add(who + ": \"" + row.voice() + "\" is not a Twilio voice (names are case-sensitive).");
            }
        }
        if (!row.speechLanguage().isBlank() && !CatalogValidator.SPEECH_LANGUAGES.contains(row.speechLanguage())) {
            problems.add(who + ": \"" + row.speechLanguage() + "\" is not a language Twilio can listen for.");
        }
        return problems;
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

    private void render(Context ctx, HttpStatus status, CatalogSource draft, List<LanguagesPage.Row> rows,
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
        int seconds = check.catalog().map(catalog -> (int) Math.round(SpokenLength.languageMenu(catalog, urls))).orElse(-1);
        String another = draft.languages().anotherLanguage() == null ? "" : draft.languages().anotherLanguage().key();
        ctx.status(status);
        Pages.render(ctx, "admin/languages.jte", new LanguagesPage(SignedIn.frame(ctx, "Languages", "languages"), rows,
                defaultLanguage, CatalogValidator.TWILIO_LANGUAGES.stream().sorted().toList(),
                CatalogValidator.SPEECH_LANGUAGES.stream().sorted().toList(), voices, problems, error, adding, seconds, another));
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String nullToBlank(String text) {
        return text == null ? "" : text;
    }
}
