package hotline.admin;

import hotline.content.ContentStore;
import hotline.content.DraftEdits;
import hotline.accounts.SignedIn;
import hotline.catalog.CatalogCheck;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogSource.LineEntry;
import hotline.catalog.CatalogValidator;
import hotline.catalog.LineKind;
import hotline.catalog.PhoneNumber;
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

/** The resource lines: list, order, add, edit, delete, and how transfers behave. Every change goes to the draft. */
public final class LinesController {
    private static final int SPEAK_NOW_CHOICES = 4;

    private final ContentStore store;

    public LinesController(ContentStore store) {
        this.store = store;
    }

    public void list(Context ctx) {
        renderList(ctx, HttpStatus.OK, "");
    }

    public void edit(Context ctx) {
        CatalogSource draft = store.draft().content();
        String id = ctx.pathParam("id");
        if (id.equals("new")) {
            renderLine(ctx, HttpStatus.OK, draft, true, LineForm.empty(), Map.of());
            return;
        }
        Optional<LineEntry> line = find(draft, id);
        if (line.isEmpty()) {
            renderList(ctx, HttpStatus.NOT_FOUND, "There is no line \"" + id + "\" in the draft.");
            return;
        }
        renderLine(ctx, HttpStatus.OK, draft, false, LineForm.of(line.get()), Map.of());
    }

    public void save(Context ctx) {
        CatalogSource draft = store.draft().content();
        boolean isNew = ctx.pathParam("id").equals("new");
        LineForm form = form(ctx, draft, isNew);
        LineForm.Result result = form.toEntry();
        Map<String, String> errors = new LinkedHashMap<>(result.errors());
        if (isNew && find(draft, form.id()).isPresent()) {
            errors.put("id", "There is already a line \"" + form.id() + "\".");
        }
        if (!isNew && find(draft, form.id()).isEmpty()) {
            renderList(ctx, HttpStatus.NOT_FOUND, "There is no line \"" + form.id() + "\" in the draft.");
            return;
        }
        if (form.id().equals(form.failover())) {
            errors.put("failover", "A line cannot fail over to itself.");
        }
        if (!errors.isEmpty()) {
            renderLine(ctx, HttpStatus.UNPROCESSABLE_CONTENT, draft, isNew, form, errors);
            return;
        }
        store.updateDraft(SignedIn.of(ctx).name(), content -> DraftEdits.withLine(content, result.entry().orElseThrow()));
        ctx.redirect(AdminRoutes.LINES + "?notice=saved", HttpStatus.SEE_OTHER);
    }

    public void move(Context ctx) {
        int delta = "up".equals(ctx.formParam("direction")) ? -1 : 1;
        store.updateDraft(SignedIn.of(ctx).name(), content -> DraftEdits.movedLine(content, ctx.pathParam("id"), delta));
        ctx.redirect(AdminRoutes.LINES + "#" + ctx.pathParam("id"), HttpStatus.SEE_OTHER);
    }

    public void delete(Context ctx) {
        String id = ctx.pathParam("id");
        CatalogSource draft = store.draft().content();
        List<String> usedBy = new ArrayList<>();
        draft.lines().lines().stream().filter(l -> id.equals(l.failover())).forEach(l -> usedBy.add("the failover of " + l.id()));
        if (id.equals(draft.lines().hotline())) {
            usedBy.add("the 24-hour hotline");
        }
        if (draft.lines().speakNow() != null && draft.lines().speakNow().contains(id)) {
            usedBy.add("\"speak with someone now\"");
        }
        if (!usedBy.isEmpty()) {
            renderList(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "\"" + id + "\" is " + String.join(", ", usedBy)
                    + ". Change that first, or untick \"offered\" to keep the line but stop offering it.");
            return;
        }
        store.updateDraft(SignedIn.of(ctx).name(), content -> DraftEdits.withoutLine(content, id));
        ctx.redirect(AdminRoutes.LINES + "?notice=line_deleted", HttpStatus.SEE_OTHER);
    }

    public void saveSettings(Context ctx) {
        String timeZone = Optional.ofNullable(ctx.formParam("time_zone")).orElse("").strip();
        String timeout = Optional.ofNullable(ctx.formParam("dial_timeout_seconds")).orElse("").strip();
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            renderList(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "\"" + timeZone + "\" is not a time zone; use a name like America/Los_Angeles.");
            return;
        }
        if (!timeout.matches("[0-9]{1,2}") || Integer.parseInt(timeout) < 5 || Integer.parseInt(timeout) > 60) {
            renderList(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "The ring time is a number of seconds from 5 to 60.");
            return;
        }
        List<String> speakNow = new ArrayList<>();
        for (int i = 0; i < SPEAK_NOW_CHOICES; i++) {
            String id = ctx.formParam("speak_now_" + i);
            if (id != null && !id.isBlank() && !speakNow.contains(id)) {
                speakNow.add(id);
            }
        }
        String hotline = Optional.ofNullable(ctx.formParam("hotline")).orElse("");
        store.updateDraft(SignedIn.of(ctx).name(), content -> DraftEdits.withDirectory(content, hotline, speakNow, timeZone,
                Integer.parseInt(timeout)));
        ctx.redirect(AdminRoutes.LINES + "?notice=saved", HttpStatus.SEE_OTHER);
    }

    private static LineForm form(Context ctx, CatalogSource draft, boolean isNew) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (String language : languages(draft)) {
            names.put(language, Optional.ofNullable(ctx.formParam("name_" + language)).orElse(""));
            notes.put(language, Optional.ofNullable(ctx.formParam("note_" + language)).orElse(""));
        }
        String id = isNew ? Optional.ofNullable(ctx.formParam("id")).orElse("").strip() : ctx.pathParam("id");
        return new LineForm(id, Optional.ofNullable(ctx.formParam("kind")).orElse(""),
                Optional.ofNullable(ctx.formParam("number")).orElse(""), ctx.formParam("enabled") != null,
                ctx.formParam("open_24_hours") != null, Optional.ofNullable(ctx.formParam("hours")).orElse(""),
                Optional.ofNullable(ctx.formParam("closed_dates")).orElse(""),
                Optional.ofNullable(ctx.formParam("failover")).orElse(""), ctx.formParam("whisper") != null, names, notes);
    }

    private void renderList(Context ctx, HttpStatus status, String error) {
        CatalogSource draft = store.draft().content();
        String reference = draft.languages().defaultLanguage();
        List<LinesPage.Row> rows = new ArrayList<>();
        for (LineEntry line : draft.lines().lines()) {
            String number = PhoneNumber.isValidE164(line.number()) ? new PhoneNumber(line.number()).formatted() : line.number();
            String hours = Boolean.TRUE.equals(line.open24Hours()) ? "24 hours"
                    : line.hours() == null ? "always offered" : String.join(", ", line.hours());
            String kind = LineKind.fromFileName(line.kind()).map(LineKind::description).orElse("(kind missing)");
            rows.add(new LinesPage.Row(line.id(), line.names() == null ? "" : line.names().getOrDefault(reference, ""), kind,
                    number, line.offered(), hours, line.failover() == null ? "" : line.failover()));
        }
        var file = draft.lines();
        LinesPage.Settings settings = new LinesPage.Settings(file.hotline(), file.speakNow() == null ? List.of() : file.speakNow(),
                file.timeZone() == null ? "" : file.timeZone(),
                file.dialTimeoutSeconds() == null ? 25 : file.dialTimeoutSeconds());
        CatalogCheck check = CatalogValidator.check(draft);
        List<ProblemView> problems = ProblemView.of(check.errors().stream()
                .filter(p -> p.file().equals(CatalogSource.LINES_FILE)).toList());
        ctx.status(status);
        Pages.render(ctx, "admin/lines.jte", new LinesPage(SignedIn.frame(ctx, "Lines", "lines"), rows, settings,
                file.lines().stream().filter(l -> Boolean.TRUE.equals(l.open24Hours())).map(LineEntry::id).toList(),
                file.lines().stream().map(LineEntry::id).toList(), problems, error));
    }

    private static void renderLine(Context ctx, HttpStatus status, CatalogSource draft, boolean isNew, LineForm form,
                                   Map<String, String> errors) {
        List<String> others = draft.lines().lines().stream().map(LineEntry::id).filter(id -> !id.equals(form.id())).toList();
        ctx.status(status);
        Pages.render(ctx, "admin/line.jte", new LinePage(SignedIn.frame(ctx, isNew ? "New line" : "Line " + form.id(), "lines"),
                isNew, form, languages(draft), draft.languages().defaultLanguage(), others, errors));
    }

    private static List<String> languages(CatalogSource draft) {
        return draft.languages().languages().stream().map(l -> l.code()).toList();
    }

    private static Optional<LineEntry> find(CatalogSource draft, String id) {
        return draft.lines().lines().stream().filter(l -> id.equals(l.id())).findFirst();
    }
}
