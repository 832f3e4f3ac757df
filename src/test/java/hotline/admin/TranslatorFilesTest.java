package hotline.admin;

import hotline.content.ContentStore;
import hotline.HotlineExtension;
import hotline.TestHotline;
import hotline.WebClient;
import hotline.audit.AuditLog;
import hotline.catalog.CatalogSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Translators work one language at a time: they get that language's file with the default language beside each
 * text, and it comes back alone, replacing only that language's texts; a native speaker's sign-off is audited.
 */
@ExtendWith(HotlineExtension.class)
class TranslatorFilesTest {
    @HotlineExtension.Started
    private TestHotline hotline;
    @HotlineExtension.SignedIn
    private WebClient admin;
    private ContentStore store;

    @BeforeEach
    void start() {
        store = hotline.content();
    }

    private String translatorFile(String language) {
        HttpResponse<byte[]> file = admin.download("/admin/files/export?lang=" + language);
        assertEquals(200, file.statusCode());
        assertEquals("attachment; filename=\"" + language + ".yaml\"", file.headers().firstValue("Content-Disposition").orElseThrow());
        return new String(file.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aLanguagesFileForATranslatorShowsTheDefaultLanguageAboveEachText() {
        String spanish = translatorFile("es-US");
        assertTrue(spanish.contains("  # en-US: That line is busy.\n  busy: \"Esa línea está ocupada.\"\n"), spanish);
        assertTrue(spanish.contains("    # en-US: Facts about human trafficking.\n    - \"Datos sobre la trata de personas.\"\n"), spanish);
    }

    @Test
    void aTranslatorsFileImportedAloneShowsWhatItChangesThenReplacesOnlyThatLanguagesTexts() {
        CatalogSource before = store.draft().content();
        String edited = translatorFile("es-US").replace("busy: \"Esa línea está ocupada.\"", "busy: \"La línea está ocupada.\"");
        admin.get("/admin/files");
        HttpResponse<String> uploaded = admin.upload("/admin/files/import", "files",
                Map.of("es-US.yaml", edited.getBytes(StandardCharsets.UTF_8)));
        assertEquals(303, uploaded.statusCode(), uploaded.body());
        admin.follow(uploaded);
        String question = admin.page().text();
        assertTrue(question.contains("Importing es-US.yaml replaces the texts of Spanish in the draft, and nothing else: 1 part"
                + " of the draft would change"), question);
        assertTrue(question.contains("Prompts in Spanish · Transfers: The line is busy"), question);
        assertEquals(before, store.draft().content(), "nothing changes before it is confirmed");

        HttpResponse<String> imported = admin.submit(uploaded.headers().firstValue("Location").orElseThrow(), Map.of());
        assertEquals(303, imported.statusCode(), imported.body());
        CatalogSource after = store.draft().content();
        assertEquals("La línea está ocupada.", after.prompts().get("es-US").get("transfer.busy"));
        assertEquals(before.prompts().get("en-US"), after.prompts().get("en-US"), "other languages untouched");
        assertEquals(before.lines(), after.lines(), "the directory untouched");
        assertEquals(before.languages(), after.languages());
        assertTrue(new AuditLog(hotline.database, hotline.clock).latest(10).stream()
                .anyMatch(e -> e.action().equals("import") && e.detail().contains("es-US.yaml (those languages' texts only)")));
    }

    /** Uploads files that are refused: back on the Files page, whose error summary says why. */
    private String refusal(String name, String content) {
        admin.get("/admin/files");
        HttpResponse<String> refused = admin.upload("/admin/files/import", "files", Map.of(name, content.getBytes(StandardCharsets.UTF_8)));
        assertEquals(303, refused.statusCode());
        admin.follow(refused);
        return admin.page().selectFirst(".error-summary").text();
    }

    @Test
    void aLanguageFileForALanguageTheDraftDoesNotHaveIsRefusedSayingWhatToDo() {
        assertTrue(refusal("hy-XX.yaml", "language_menu:\n  welcome: x\n")
                .contains("hy-XX is not a language of the draft. Add it on the Languages page first"), admin.page().text());
    }

    @Test
    void aBrokenTranslatorsFileIsRefusedInWordsWithTheLineToLookAtAndNothingChanges() {
        CatalogSource before = store.draft().content();
        String broken = translatorFile("es-US").replace("busy: \"Esa línea está ocupada.\"", "busy: \"Esa línea está ocupada.");
        int line = java.util.Arrays.asList(broken.split("\n")).indexOf("  busy: \"Esa línea está ocupada.") + 1;
        String why = refusal("es-US.yaml", broken);
        assertTrue(why.contains("Prompts in Spanish (es-US.yaml): cannot be read: on line " + line
                + " (busy: \"Esa línea está ocupada.), a text in quotation marks is not closed"), why);
        assertTrue(!why.contains("scalar") && !why.contains("reader"), "no words of the parser: " + why);
        assertEquals(before, store.draft().content());
    }

    @Test
    void aNativeSpeakersSignOffIsRecordedWithWhoGaveIt() {
        admin.get("/admin/prompts?lang=es-US");
        HttpResponse<String> saved = admin.submit("/admin/prompts", Map.of("reviewed", "on"));
        assertEquals(303, saved.statusCode(), saved.body());
        List<AuditLog.Entry> entries = new AuditLog(hotline.database, hotline.clock).latest(10);
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("language_reviewed") && e.actor().equals("maria")
                && e.detail().equals("Spanish (es-US): checked by a native speaker")), entries.toString());
    }
}
