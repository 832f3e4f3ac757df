package hotline.admin;

import hotline.content.ContentStore;
import hotline.content.DraftEdits;
import hotline.accounts.SignedIn;
import hotline.catalog.CatalogCheck;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogSource.LineEntry;
import hotline.catalog.CatalogValidator;
import hotline.catalog.LanguageNames;
import hotline.catalog.LineKind;
import hotline.web.ConfirmPage;
import hotline.web.FieldError;
import hotline.web.Form;
import hotline.web.Frame;
import hotline.web.KeptForms;
import hotline.web.MessagePage;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource lines: list, order, add, edit, delete, and how transfers behave. Every change goes to the draft. A form
 * with a mistake is answered with a redirect to the form, filled in with what was typed (kept on the server), so that
 * reloading it never sends it again; deleting a line asks first.
 */
public final class LinesController {
    private static final int SPEAK_NOW_CHOICES = 4;
    static final String BUT_PROBLEMS = "But the draft has problems, listed below, to fix before it can be published.";

    private final ContentStore store;
    private final KeptForms kept;

    public LinesController(ContentStore store, KeptForms kept) {
        this.store = store;
        this.kept = kept;
    }

    public void list(Context ctx) {
        CatalogSource draft = store.draft().content();
        Form typed = typed(ctx, AdminRoutes.DIRECTORY).orElse(Form.empty());
        Map<String, String> errors = typed.fields().isEmpty() ? Map.of() : settingsErrors(typed);
        Frame frame = SignedIn.frame(ctx, "Lines", "lines").withErrors(!errors.isEmpty());
        String converted = ctx.queryParam("converted");
        if (converted != null && find(draft, converted).isPresent()) {
            LineEntry line = find(draft, converted).get();
            frame = frame.withNotice("Saved to the draft. The number of " + name(draft, line.id()) + " was typed with letters;"
                    + " it will be dialed as " + ContentDiff.phone(line.number()) + " (each letter as on a phone's keypad)."
                    + " Check that this is right.", true);
        }
        renderList(ctx, draft, frame, typed.fields().isEmpty() ? Optional.empty() : Optional.of(typed), errors);
    }

    public void edit(Context ctx) {
        CatalogSource draft = store.draft().content();
        String id = ctx.pathParam("id");
        boolean isNew = id.equals("new");
        Optional<LineEntry> line = find(draft, id);
        if (!isNew && line.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            Pages.render(ctx, "message.jte", new MessagePage(SignedIn.frame(ctx, "No such line", "lines"), "There is no such line",
                    "The draft has no line \"" + id + "\". It may have been deleted from the draft."));
            return;
        }
        Optional<Form> typed = typed(ctx, AdminRoutes.line(id));
        if (typed.isPresent()) {
            LineForm form = LineForm.from(typed.get(), isNew ? typed.get().text("id").strip() : id, languages(draft));
            renderLine(ctx, draft, isNew, form, errors(draft, isNew, form));
            return;
        }
        renderLine(ctx, draft, isNew, isNew ? LineForm.empty() : LineForm.of(line.get()), Map.of());
    }

    public void save(Context ctx) {
        CatalogSource draft = store.draft().content();
        boolean isNew = ctx.pathParam("id").equals("new");
        if (!isNew && find(draft, ctx.pathParam("id")).isEmpty()) {
            ctx.redirect(AdminRoutes.line(ctx.pathParam("id")), HttpStatus.SEE_OTHER);
            return;
        }
        Form sent = Form.of(ctx);
        LineForm form = LineForm.from(sent, isNew ? sent.text("id").strip() : ctx.pathParam("id"), languages(draft));
        Map<String, String> errors = errors(draft, isNew, form);
        if (!errors.isEmpty()) {
            String id = kept.keep(SignedIn.of(ctx).account().id(), KeptForms.Purpose.TYPED, ctx.path(), sent);
            ctx.redirect(ctx.path() + "?typed=" + id, HttpStatus.SEE_OTHER);
            return;
        }
        LineEntry entry = form.toEntry().entry().orElseThrow();
        store.updateDraft(SignedIn.of(ctx).name(), content -> DraftEdits.withLine(content, entry));
        ctx.redirect(AdminRoutes.LINES + "?notice=saved" + (form.typedWithLetters() ? "&converted=" + entry.id() : ""),
                HttpStatus.SEE_OTHER);
    }

    public void move(Context ctx) {
        int delta = "up".equals(ctx.formParam("direction")) ? -1 : 1;
        store.updateDraft(SignedIn.of(ctx).name(), content -> DraftEdits.movedLine(content, ctx.pathParam("id"), delta));
        ctx.redirect(AdminRoutes.LINES + "#" + ctx.pathParam("id"), HttpStatus.SEE_OTHER);
    }

    /** Asks before a line is deleted from the draft, naming what goes with it; or says why it cannot be. */
    public void confirmDelete(Context ctx) {
        String id = ctx.pathParam("id");
        CatalogSource draft = store.draft().content();
        Optional<LineEntry> line = find(draft, id);
        if (line.isEmpty()) {
            ctx.redirect(AdminRoutes.LINES, HttpStatus.SEE_OTHER);
            return;
        }
        String name = name(draft, id);
        List<String> usedBy = usedBy(draft, id);
        if (!usedBy.isEmpty()) {
            Pages.render(ctx, "message.jte", new MessagePage(SignedIn.frame(ctx, "This line cannot be deleted", "lines"),
                    name + " cannot be deleted", name + " is " + String.join(", and ", usedBy) + ". Change that first, or untick"
                    + " \"Offered in the directory\" on its page to keep the line but stop offering it."));
            return;
        }
        List<ConfirmPage.Loss> losing = new ArrayList<>();
        LineEntry entry = line.get();
        losing.add(new ConfirmPage.Loss("Number", ContentDiff.phone(entry.number())));
        LineKind.fromFileName(entry.kind()).ifPresent(kind -> losing.add(new ConfirmPage.Loss("Kind", kind.description())));
        if (entry.names() != null) {
            entry.names().forEach((code, text) -> losing.add(new ConfirmPage.Loss("Name in " + languageName(draft, code), text)));
        }
        if (entry.notes() != null) {
            entry.notes().forEach((code, text) -> losing.add(new ConfirmPage.Loss("Said before the transfer, in "
                    + languageName(draft, code), text)));
        }
        if (entry.hours() != null) {
            losing.add(new ConfirmPage.Loss("Weekly hours", String.join("\n", entry.hours())));
        }
        Pages.render(ctx, "confirm.jte", new ConfirmPage(SignedIn.frame(ctx, "Delete " + name + "?", "lines"),
                "Delete " + name + "?", "The line is deleted from the draft, with its number, its names in every language and its"
                + " notes. Callers still reach it until the draft is published; until then you can bring it back by reverting"
                + " this change on the Publish page.", "What would be deleted", losing, AdminRoutes.lineDelete(id), Map.of(),
                "Delete " + name, true, AdminRoutes.line(id)));
    }

    public void delete(Context ctx) {
        String id = ctx.pathParam("id");
        CatalogSource draft = store.draft().content();
        if (!usedBy(draft, id).isEmpty()) {
            ctx.redirect(AdminRoutes.lineDelete(id), HttpStatus.SEE_OTHER); // the page that says why it cannot be
            return;
        }
        store.updateDraft(SignedIn.of(ctx).name(), content -> DraftEdits.withoutLine(content, id));
        ctx.redirect(AdminRoutes.LINES + "?notice=line_deleted", HttpStatus.SEE_OTHER);
    }

    public void saveSettings(Context ctx) {
        Form sent = Form.of(ctx);
        if (!settingsErrors(sent).isEmpty()) {
            String id = kept.keep(SignedIn.of(ctx).account().id(), KeptForms.Purpose.TYPED, AdminRoutes.DIRECTORY, sent);
            ctx.redirect(AdminRoutes.LINES + "?typed=" + id, HttpStatus.SEE_OTHER);
            return;
        }
        List<String> speakNow = new ArrayList<>();
        for (int i = 0; i < SPEAK_NOW_CHOICES; i++) {
            String id = sent.value("speak_now_" + i);
            if (id != null && !id.isBlank() && !speakNow.contains(id)) {
                speakNow.add(id);
            }
        }
        String hotline = sent.text("hotline");
        String timeZone = sent.text("time_zone").strip();
        int timeout = Integer.parseInt(sent.text("dial_timeout_seconds").strip());
        store.updateDraft(SignedIn.of(ctx).name(), content -> DraftEdits.withDirectory(content, hotline, speakNow, timeZone, timeout));
        ctx.redirect(AdminRoutes.LINES + "?notice=saved", HttpStatus.SEE_OTHER);
    }

    private static Map<String, String> settingsErrors(Form form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String timeZone = form.text("time_zone").strip();
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            errors.put("time_zone", "\"" + timeZone + "\" is not a time zone: write its name like America/Los_Angeles");
        }
        String timeout = form.text("dial_timeout_seconds").strip();
        if (!timeout.matches("[0-9]{1,2}") || Integer.parseInt(timeout) < 5 || Integer.parseInt(timeout) > 60) {
            errors.put("dial_timeout_seconds", "The ring time must be a whole number of seconds from 5 to 60");
        }
        return errors;
    }

    private Map<String, String> errors(CatalogSource draft, boolean isNew, LineForm form) {
        Map<String, String> errors = new LinkedHashMap<>(form.toEntry().errors());
        if (isNew && find(draft, form.id()).isPresent()) {
            errors.put("id", "There is already a line with the short name \"" + form.id() + "\": choose another");
        }
        if (form.id().equals(form.failover())) {
            errors.put("failover", "A line cannot fail over to itself: choose another line, or none for a line open 24 hours");
        }
        return errors;
    }

    /** What typed=... names: a form this person sent to {@code path} that had a mistake, or was kept when a session ended. */
    private Optional<Form> typed(Context ctx, String path) {
        return Optional.ofNullable(ctx.queryParam("typed")).flatMap(id -> kept.find(id, SignedIn.of(ctx).account().id()))
                .filter(k -> k.path().equals(path)).map(KeptForms.Kept::form);
    }

    private static List<String> usedBy(CatalogSource draft, String id) {
        List<String> usedBy = new ArrayList<>();
        draft.lines().lines().stream().filter(l -> id.equals(l.failover()))
                .forEach(l -> usedBy.add("where " + name(draft, l.id()) + " fails over to"));
        if (id.equals(draft.lines().hotline())) {
            usedBy.add("the 24-hour hotline every failed transfer ends at");
        }
        if (draft.lines().speakNow() != null && draft.lines().speakNow().contains(id)) {
            usedBy.add("one of the lines of \"speak with someone now\"");
        }
        return usedBy;
    }

    private void renderList(Context ctx, CatalogSource draft, Frame frame, Optional<Form> typed, Map<String, String> errors) {
        String reference = draft.languages().defaultLanguage();
        List<LinesPage.Row> rows = new ArrayList<>();
        for (LineEntry line : draft.lines().lines()) {
            String hours = Boolean.TRUE.equals(line.open24Hours()) ? "24 hours"
                    : line.hours() == null ? "Not known: always offered" : String.join(", ", line.hours());
            String kind = LineKind.fromFileName(line.kind()).map(LineKind::description).orElse("(kind missing)");
            rows.add(new LinesPage.Row(line.id(), line.names() == null ? "" : line.names().getOrDefault(reference, ""), kind,
                    ContentDiff.phone(line.number()), line.offered(), hours, line.failover() == null ? "" : name(draft, line.failover())));
        }
        var file = draft.lines();
        LinesPage.Settings settings = typed.map(form -> new LinesPage.Settings(form.text("hotline"), speakNowOf(form),
                        form.text("time_zone"), form.text("dial_timeout_seconds")))
                .orElse(new LinesPage.Settings(file.hotline(), file.speakNow() == null ? List.of() : file.speakNow(),
                        file.timeZone() == null ? "" : file.timeZone(),
                        String.valueOf(file.dialTimeoutSeconds() == null ? 25 : file.dialTimeoutSeconds())));
        CatalogCheck check = CatalogValidator.check(draft);
        List<ProblemView> problems = ProblemView.of(check.errors().stream()
                .filter(p -> p.file().equals(CatalogSource.LINES_FILE)).toList(), draft);
        Pages.render(ctx, "admin/lines.jte", new LinesPage(frame.cautioned(!problems.isEmpty(), BUT_PROBLEMS), rows, settings,
                file.lines().stream().filter(l -> Boolean.TRUE.equals(l.open24Hours())).map(l -> choice(draft, l)).toList(),
                file.lines().stream().map(l -> choice(draft, l)).toList(), problems, FieldError.of(errors)));
    }

    private static List<String> speakNowOf(Form form) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SPEAK_NOW_CHOICES; i++) {
            ids.add(form.text("speak_now_" + i));
        }
        return ids;
    }

    private static void renderLine(Context ctx, CatalogSource draft, boolean isNew, LineForm form, Map<String, String> errors) {
        List<LinesPage.Choice> others = draft.lines().lines().stream().filter(l -> !l.id().equals(form.id()))
                .map(l -> choice(draft, l)).toList();
        List<LinesPage.Choice> languages = draft.languages().languages().stream()
                .map(l -> new LinesPage.Choice(l.code(), LanguageNames.english(l.code(), l.name()))).toList();
        String title = isNew ? "New line" : name(draft, form.id());
        Pages.render(ctx, "admin/line.jte", new LinePage(SignedIn.frame(ctx, title, "lines").withErrors(!errors.isEmpty()),
                isNew, title, form, languages, others, errors));
    }

    private static LinesPage.Choice choice(CatalogSource draft, LineEntry line) {
        return new LinesPage.Choice(line.id(), name(draft, line.id()));
    }

    private static String name(CatalogSource draft, String id) {
        return KeptFormViews.lineName(draft, id);
    }

    private static String languageName(CatalogSource draft, String code) {
        return KeptFormViews.languageName(draft, code);
    }

    private static List<String> languages(CatalogSource draft) {
        return draft.languages().languages().stream().map(l -> l.code()).toList();
    }

    private static Optional<LineEntry> find(CatalogSource draft, String id) {
        return draft.lines().lines().stream().filter(l -> id.equals(l.id())).findFirst();
    }
}
