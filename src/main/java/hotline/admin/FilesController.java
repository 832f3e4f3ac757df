package hotline.admin;

import hotline.content.ContentStore;
import hotline.accounts.SignedIn;
import hotline.audit.AuditLog;
import hotline.catalog.CatalogException;
import hotline.catalog.CatalogSource;
import hotline.catalog.LanguageNames;
import hotline.catalog.PromptFiles;
import hotline.catalog.TranslatorFile;
import hotline.web.ConfirmPage;
import hotline.web.FieldError;
import hotline.web.Form;
import hotline.web.KeptForms;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Content as files: export what callers hear (or the draft) as the files of {@code prompts/}, in a zip, or one
 * language's file for a translator; import such files into the draft: all of them replace the draft, language files
 * alone replace those languages' texts. An import that does not parse changes nothing; one that does is shown first,
 * with what it would replace, and changes the draft only when that is confirmed.
 */
public final class FilesController {
    /** Entries of an import, counted one by one (a zip may repeat a name): far more than any real set of prompt files. */
    static final int MAX_FILES = 50;
    static final int MAX_FILE_BYTES = 512 * 1024;
    /** All files of an import together, unpacked: an export of every language is a few hundred kilobytes. */
    static final long MAX_TOTAL_BYTES = 4L * 1024 * 1024;
    private static final String ERROR_FIELD = "error";
    private static final String PROBLEM_FIELD = "problem";

    private final ContentStore store;
    private final AuditLog audit;
    private final KeptForms kept;

    public FilesController(ContentStore store, AuditLog audit, KeptForms kept) {
        this.store = store;
        this.audit = audit;
        this.kept = kept;
    }

    public void show(Context ctx) {
        // An import that was refused comes back here, after the redirect, with why.
        Form refused = Optional.ofNullable(ctx.queryParam("typed")).flatMap(id -> kept.find(id, SignedIn.of(ctx).account().id()))
                .filter(k -> k.path().equals(AdminRoutes.IMPORT)).map(KeptForms.Kept::form).orElse(Form.empty());
        List<FieldError> errors = new ArrayList<>();
        refused.fields().getOrDefault(ERROR_FIELD, List.of()).forEach(message -> errors.add(new FieldError("files", message)));
        refused.fields().getOrDefault(PROBLEM_FIELD, List.of()).forEach(message -> errors.add(new FieldError("files", message)));
        render(ctx, HttpStatus.OK, errors);
    }

    public void export(Context ctx) {
        String language = ctx.queryParam("lang");
        if (language != null) {
            exportForTranslator(ctx, language);
            return;
        }
        boolean draft = "draft".equals(ctx.queryParam("which"));
        ContentStore.Version live = store.latest().orElseThrow();
        CatalogSource content = draft ? store.draft().content() : store.content(live.id()).orElseThrow();
        String name = "hotline-prompts-" + (draft ? "draft" : live.label()) + ".zip";
        ctx.contentType("application/zip").header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .result(zip(PromptFiles.render(content)));
    }

    /**
     * Reads the uploaded files and, if they are prompt files, keeps them and shows what importing them would change; the
     * draft changes only once that is confirmed. Files that cannot be imported come back to the Files page, saying why.
     */
    public void importFiles(Context ctx) {
        List<UploadedFile> uploads = ctx.uploadedFiles("files");
        if (uploads.isEmpty()) {
            refuse(ctx, List.of("Choose the prompt files to import: the .yaml files, or one .zip of them"), List.of());
            return;
        }
        Map<String, String> files;
        try {
            files = read(uploads);
        } catch (ImportException e) {
            refuse(ctx, List.of(e.getMessage()), List.of());
            return;
        }
        CatalogSource draft = store.draft().content();
        try {
            imported(draft, files);
        } catch (ImportException e) {
            refuse(ctx, List.of(e.getMessage()), List.of());
            return;
        } catch (CatalogException e) {
            refuse(ctx, List.of("Nothing was imported: the files have the problems below"),
                    ProblemView.of(e.problems(), draft).stream().map(ProblemView::text).toList());
            return;
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        files.forEach((name, text) -> fields.put(name, List.of(text)));
        String id = kept.keep(SignedIn.of(ctx).account().id(), KeptForms.Purpose.IMPORT, AdminRoutes.IMPORT, new Form(fields));
        ctx.redirect(AdminRoutes.importConfirm(id), HttpStatus.SEE_OTHER);
    }

    /** Asks before an import replaces the draft (or a language's texts), listing what it would change. */
    public void confirmImport(Context ctx) {
        Optional<Map<String, String>> files = pending(ctx);
        if (files.isEmpty()) {
            ctx.redirect(AdminRoutes.FILES + "?notice=import_expired", HttpStatus.SEE_OTHER);
            return;
        }
        CatalogSource draft = store.draft().content();
        CatalogSource imported;
        try {
            imported = imported(draft, files.get());
        } catch (ImportException | CatalogException e) {
            ctx.redirect(AdminRoutes.FILES + "?notice=import_expired", HttpStatus.SEE_OTHER);
            return;
        }
        List<ContentDiff.Change> changes = ContentDiff.between(draft, imported);
        boolean languagesOnly = languagesOnly(files.get());
        String names = String.join(", ", files.get().keySet());
        String what = languagesOnly ? "the texts of " + files.get().keySet().stream()
                .map(name -> KeptFormViews.languageName(draft, name.substring(0, name.length() - ".yaml".length())))
                .collect(Collectors.joining(" and ")) + " in the draft, and nothing else" : "the whole draft";
        String lead = changes.isEmpty()
                ? names + " hold exactly what the draft has: importing them changes nothing."
                : "Importing " + names + " replaces " + what + ": " + OverviewController.count(changes.size(), "part")
                + " of the draft would change, listed below with what the draft has now. Callers hear none of it until the"
                + " draft is published.";
        List<ConfirmPage.Loss> losing = changes.stream().map(c -> new ConfirmPage.Loss(c.title(),
                "In the draft now: " + (c.before().isEmpty() ? "(nothing)" : c.before())
                        + "\nFrom the files: " + (c.after().isEmpty() ? "(nothing)" : c.after()))).toList();
        Pages.render(ctx, "confirm.jte", new ConfirmPage(SignedIn.frame(ctx, "Import into the draft?", "files"),
                "Import " + (languagesOnly ? "these texts" : "these files") + " into the draft?", lead,
                "What the import would replace", losing, AdminRoutes.importConfirm(ctx.pathParam("id")), Map.of(),
                languagesOnly ? "Import, replacing these texts" : "Import, replacing the draft", true, AdminRoutes.FILES));
    }

    public void applyImport(Context ctx) {
        Optional<Map<String, String>> files = pending(ctx);
        if (files.isEmpty()) {
            ctx.redirect(AdminRoutes.FILES + "?notice=import_expired", HttpStatus.SEE_OTHER);
            return;
        }
        boolean languagesOnly = languagesOnly(files.get());
        try {
            store.updateDraft(SignedIn.of(ctx).name(), current -> imported(current, files.get()));
        } catch (ImportException | CatalogException e) {
            ctx.redirect(AdminRoutes.importConfirm(ctx.pathParam("id")), HttpStatus.SEE_OTHER);
            return;
        }
        kept.forget(ctx.pathParam("id"), SignedIn.of(ctx).account().id());
        audit.record(SignedIn.of(ctx).name(), "import", String.join(", ", files.get().keySet())
                + (languagesOnly ? " (those languages' texts only)" : " (the whole draft)"));
        ctx.redirect(AdminRoutes.HOME + "?notice=imported", HttpStatus.SEE_OTHER);
    }

    private Optional<Map<String, String>> pending(Context ctx) {
        return kept.find(ctx.pathParam("id"), SignedIn.of(ctx).account().id()).filter(k -> k.purpose() == KeptForms.Purpose.IMPORT)
                .map(k -> {
                    Map<String, String> files = new TreeMap<>();
                    k.form().fields().forEach((name, values) -> files.put(name, values.isEmpty() ? "" : values.get(0)));
                    return files;
                });
    }

    private static boolean languagesOnly(Map<String, String> files) {
        return !files.containsKey(CatalogSource.LANGUAGES_FILE) && !files.containsKey(CatalogSource.LINES_FILE);
    }

    /** The draft after importing the files: all of them replace it; language files alone replace those languages' texts. */
    private static CatalogSource imported(CatalogSource draft, Map<String, String> files) {
        boolean languagesOnly = languagesOnly(files);
        List<String> undeclared = files.keySet().stream().filter(name -> name.endsWith(".yaml"))
                .map(name -> name.substring(0, name.length() - ".yaml".length()))
                .filter(code -> draft.languages().languages().stream().noneMatch(l -> l.code().equals(code))).toList();
        if (languagesOnly && !undeclared.isEmpty()) {
            throw new ImportException("Nothing was imported: " + String.join(", ", undeclared)
                    + (undeclared.size() == 1 ? " is not a language" : " are not languages") + " of the draft. Add it on the "
                    + "Languages page first, or import it together with languages.yaml and lines.yaml");
        }
        return languagesOnly ? LanguageFiles.merged(draft, files) : PromptFiles.parse(files);
    }

    /** Back to the Files page with why nothing was imported: a reload shows it again, it does not upload again. */
    private void refuse(Context ctx, List<String> errors, List<String> problems) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put(ERROR_FIELD, errors);
        fields.put(PROBLEM_FIELD, problems);
        String id = kept.keep(SignedIn.of(ctx).account().id(), KeptForms.Purpose.TYPED, AdminRoutes.IMPORT, new Form(fields));
        ctx.redirect(AdminRoutes.FILES + "?typed=" + id, HttpStatus.SEE_OTHER);
    }

    /** One language's file from the draft, each text beside the default language's, for a translator. */
    private void exportForTranslator(Context ctx, String language) {
        CatalogSource draft = store.draft().content();
        if (draft.languages().languages().stream().noneMatch(l -> l.code().equals(language))) {
            render(ctx, HttpStatus.NOT_FOUND, List.of(new FieldError("lang", "There is no language \"" + language
                    + "\" in the draft: choose one from the list")));
            return;
        }
        ctx.contentType("application/yaml; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + CatalogSource.promptFile(language) + "\"")
                .result(TranslatorFile.render(draft, language));
    }

    private static Map<String, String> read(List<UploadedFile> uploads) {
        Map<String, String> files = new TreeMap<>();
        Budget budget = new Budget();
        for (UploadedFile upload : uploads) {
            String name = upload.filename() == null ? "" : upload.filename();
            if (name.toLowerCase().endsWith(".zip")) {
                unzip(upload, files, budget);
            } else {
                budget.entry();
                add(files, name, bounded(upload.content(), name, budget));
            }
        }
        return files;
    }

    /**
     * Counts what an import reads, entry by entry and byte by byte as it is unpacked: a zip can hold thousands of
     * entries under one name, or a few kilobytes that unpack to gigabytes, and neither may cost more than a real
     * set of prompt files.
     */
    private static final class Budget {
        private int entries;
        private long bytes;

        void entry() {
            if (++entries > MAX_FILES) {
                throw new ImportException("More than " + MAX_FILES + " files; nothing was imported. An export of the "
                        + "prompt files holds one file per language and two more.");
            }
        }

        void read(int count, String name) {
            bytes += count;
            if (bytes > MAX_TOTAL_BYTES) {
                throw new ImportException("The files unpack to more than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MB (at \""
                        + name + "\"), far more than prompt files; nothing was imported.");
            }
        }
    }

    private static void unzip(UploadedFile upload, Map<String, String> files, Budget budget) {
        try (ZipInputStream zip = new ZipInputStream(upload.content(), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                budget.entry(); // directories too: every entry costs reading its header
                if (!entry.isDirectory()) {
                    String name = entry.getName();
                    if (name.contains("..") || name.startsWith("/")) {
                        throw new ImportException("The zip holds \"" + name + "\", a path outside it; nothing was imported.");
                    }
                    add(files, name.substring(name.lastIndexOf('/') + 1), bounded(zip, name, budget));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new ImportException("\"" + upload.filename() + "\" is not a zip file that can be read; nothing was imported.");
        }
    }

    private static void add(Map<String, String> files, String name, byte[] content) {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new ImportException("\"" + name + "\" is not a plain file name; nothing was imported.");
        }
        if (files.containsKey(name)) {
            throw new ImportException("\"" + name + "\" is there twice; which one is meant? Nothing was imported.");
        }
        files.put(name, new String(content, StandardCharsets.UTF_8));
    }

    private static byte[] bounded(InputStream in, String name, Budget budget) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                budget.read(read, name);
                out.write(buffer, 0, read);
                if (out.size() > MAX_FILE_BYTES) {
                    throw new ImportException("\"" + name + "\" is larger than " + MAX_FILE_BYTES / 1024
                            + " KB, too large for a prompt file; nothing was imported.");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void render(Context ctx, HttpStatus status, List<FieldError> errors) {
        ctx.status(status);
        CatalogSource draft = store.draft().content();
        Pages.render(ctx, "admin/files.jte", new FilesPage(SignedIn.frame(ctx, "Files", "files").withErrors(!errors.isEmpty()),
                store.latest().orElseThrow().label(), draft.languages().languages().stream()
                .map(l -> new FilesPage.LanguageChoice(l.code(), LanguageNames.english(l.code(), l.name()))).toList(),
                KeptFormViews.languageName(draft, draft.languages().defaultLanguage()), errors));
    }

    /** Uploaded files that cannot be taken as prompt files; the message says why. */
    private static final class ImportException extends RuntimeException {
        ImportException(String message) {
            super(message);
        }
    }
}
