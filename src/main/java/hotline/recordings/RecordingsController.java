package hotline.recordings;

import hotline.accounts.SignedIn;
import hotline.admin.AdminRoutes;
import hotline.admin.RecordingPieces;
import hotline.catalog.LanguageNames;
import hotline.content.ContentStore;
import hotline.content.DraftEdits;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogSource.LanguageEntry;
import hotline.catalog.CatalogSource.RecordingEntry;
import hotline.catalog.RecordingSlots;
import hotline.web.Form;
import hotline.web.KeptForms;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Recording prompts, one piece at a time: upload, listen, remove. Each change goes to the draft. */
public final class RecordingsController {
    public static final String PAGE = AdminRoutes.RECORDINGS;
    public static final String REMOVE = "/admin/recordings/remove";
    /** {@code ?show=to_do}: only what is missing or out of date, for a language with many pieces still to record. */
    static final String TO_DO = AdminRoutes.RECORDINGS_TO_DO;

    private final ContentStore content;
    private final RecordingStore store;
    private final KeptForms kept;

    public RecordingsController(ContentStore content, RecordingStore store, KeptForms kept) {
        this.content = content;
        this.store = store;
        this.kept = kept;
    }

    public void show(Context ctx) {
        CatalogSource draft = content.draft().content();
        Optional<LanguageEntry> language = language(draft, ctx.queryParam("lang"));
        if (language.isEmpty()) {
            ctx.redirect(AdminRoutes.LANGUAGES, HttpStatus.SEE_OTHER);
            return;
        }
        // An upload that was refused comes back here, after the redirect, with why and which piece it was for.
        Form refused = Optional.ofNullable(ctx.queryParam("typed")).flatMap(id -> kept.find(id, SignedIn.of(ctx).account().id()))
                .filter(k -> k.path().equals(PAGE)).map(KeptForms.Kept::form).orElse(Form.empty());
        render(ctx, HttpStatus.OK, draft, language.get(), refused.text("error"), refused.text("slot"));
    }

    public void upload(Context ctx) {
        CatalogSource draft = content.draft().content();
        Optional<LanguageEntry> language = language(draft, ctx.formParam("lang"));
        String slot = Optional.ofNullable(ctx.formParam("slot")).orElse("");
        if (language.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST).result("Unknown language.");
            return;
        }
        Map<String, String> slots = RecordingSlots.of(draft, language.get().code());
        UploadedFile upload = ctx.uploadedFile("audio");
        String error = !slots.containsKey(slot) ? "\"" + slot + "\" is not something this language says."
                : upload == null ? "Choose a recording to upload." : "";
        if (error.isEmpty()) {
            try {
                String file = store.save(upload.filename(), bytes(upload), upload.size());
                RecordingEntry entry = new RecordingEntry(file, slots.get(slot));
                content.updateDraft(SignedIn.of(ctx).name(),
                        source -> DraftEdits.withRecording(source, language.get().code(), slot, entry));
                // Back to the row just recorded; slot names hold '#', which a URL fragment must escape.
                ctx.redirect(PAGE + "?lang=" + language.get().code() + "&notice=saved#"
                        + URLEncoder.encode(slot, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
                return;
            } catch (RecordingStore.Refused e) {
                error = e.getMessage();
            }
        }
        // Back to the page, not a page at this address: a reload then does not upload again.
        String id = kept.keep(SignedIn.of(ctx).account().id(), KeptForms.Purpose.TYPED, PAGE,
                new Form(Map.of("slot", List.of(slot), "error", List.of(error))));
        // No #fragment to the row: scrolling there would take focus from the error summary, whose link leads to it.
        ctx.redirect(PAGE + "?lang=" + language.get().code() + "&typed=" + id, HttpStatus.SEE_OTHER);
    }

    public void remove(Context ctx) {
        String language = Optional.ofNullable(ctx.formParam("lang")).orElse("");
        String slot = Optional.ofNullable(ctx.formParam("slot")).orElse("");
        content.updateDraft(SignedIn.of(ctx).name(), source -> DraftEdits.withRecording(source, language, slot, null));
        ctx.redirect(PAGE + "?lang=" + language + "&notice=saved", HttpStatus.SEE_OTHER);
    }

    /** Reads at most a little more than the limit, so an enormous upload is refused without being kept whole. */
    private static byte[] bytes(UploadedFile upload) {
        try (InputStream in = upload.content()) {
            return in.readNBytes((int) RecordingStore.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void render(Context ctx, HttpStatus status, CatalogSource draft, LanguageEntry language, String error, String errorSlot) {
        Map<String, String> needed = RecordingSlots.of(draft, language.code());
        Map<String, RecordingEntry> recorded = draft.recordings().getOrDefault(language.code(), Map.of());
        List<RecordingsPage.Slot> slots = new ArrayList<>();
        long done = 0;
        for (Map.Entry<String, String> slot : needed.entrySet()) {
            RecordingEntry entry = recorded.get(slot.getKey());
            String state = entry == null ? "missing" : entry.transcript().equals(slot.getValue()) ? "recorded" : "out_of_date";
            boolean optional = slot.getKey().startsWith("note.");
            if (state.equals("recorded") && !optional) {
                done++;
            }
            slots.add(new RecordingsPage.Slot(slot.getKey(), RecordingPieces.describe(slot.getKey(), id -> lineName(draft, id)),
                    slot.getValue(), state, entry == null ? "" : entry.file(), optional));
        }
        long required = slots.stream().filter(s -> !s.optional()).count();
        boolean onlyToDo = TO_DO.equals(ctx.queryParam("show"));
        List<RecordingsPage.Slot> shown = onlyToDo ? slots.stream().filter(s -> !s.state().equals("recorded")).toList() : slots;
        ctx.status(status);
        String name = LanguageNames.english(language.code(), language.name());
        Pages.render(ctx, "recordings/recordings.jte", new RecordingsPage(SignedIn.frame(ctx, "Recordings in " + name,
                "languages").withErrors(!error.isEmpty()), language.code(), name, language.recordingsOnly(), shown, error, errorSlot,
                done, required, onlyToDo));
    }

    private static String lineName(CatalogSource draft, String id) {
        String reference = draft.languages().defaultLanguage();
        return draft.lines().lines().stream().filter(l -> id.equals(l.id())).findFirst()
                .map(l -> l.names() == null ? id : l.names().getOrDefault(reference, id)).orElse(id);
    }

    private static Optional<LanguageEntry> language(CatalogSource draft, String code) {
        return draft.languages().languages().stream().filter(l -> l.code().equals(code)).findFirst();
    }
}
