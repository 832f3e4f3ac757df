package hotline.admin;

import hotline.content.ContentStore;
import hotline.HotlineExtension;
import hotline.TestHotline;
import hotline.WebClient;
import hotline.Zips;
import hotline.catalog.CatalogSource;
import hotline.catalog.PromptFiles;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Export what callers hear as prompt files; import files into the draft, after a page that shows what they would
 * replace, refusing what is not prompt files with the reason in words.
 */
@ExtendWith(HotlineExtension.class)
class FilesTest {
    @HotlineExtension.Started
    private TestHotline hotline;
    @HotlineExtension.SignedIn
    private WebClient admin;
    private ContentStore store;

    @BeforeEach
    void start() {
        store = hotline.content();
    }

    private Map<String, String> exported() throws IOException {
        HttpResponse<byte[]> zip = admin.download("/admin/files/export");
        assertEquals(200, zip.statusCode());
        assertEquals("attachment; filename=\"hotline-prompts-v1.zip\"", zip.headers().firstValue("Content-Disposition").orElseThrow());
        Map<String, String> files = new LinkedHashMap<>(Zips.unzip(zip.body()));
        return files;
    }

    /** Uploads, as the Files page does: the answer is the page that asks first (a redirect to it). */
    private HttpResponse<String> upload(Map<String, byte[]> files) {
        admin.get("/admin/files");
        return admin.upload("/admin/files/import", "files", files);
    }

    /** Uploads, reads what the import would replace, and confirms it. */
    private HttpResponse<String> importConfirmed(Map<String, byte[]> files) {
        HttpResponse<String> uploaded = upload(files);
        assertEquals(303, uploaded.statusCode(), uploaded.body());
        String confirmation = uploaded.headers().firstValue("Location").orElseThrow();
        assertTrue(confirmation.startsWith("/admin/files/import/"), confirmation);
        assertEquals(200, admin.follow(uploaded).statusCode());
        return admin.submit(confirmation, Map.of());
    }

    /** Uploads files that are refused: back on the Files page, whose error summary says why. */
    private String refusal(Map<String, byte[]> files) {
        HttpResponse<String> uploaded = upload(files);
        assertEquals(303, uploaded.statusCode());
        assertTrue(uploaded.headers().firstValue("Location").orElseThrow().startsWith("/admin/files?typed="),
                "a redirect, so that reloading does not upload again");
        HttpResponse<String> page = admin.follow(uploaded);
        assertEquals(200, page.statusCode());
        return admin.page().selectFirst(".error-summary").text();
    }

    @Test
    void theExportIsThePublishedContentAsPromptFiles() throws IOException {
        Map<String, String> files = exported();
        assertEquals(java.util.Set.of("languages.yaml", "lines.yaml", "en-US.yaml", "es-US.yaml", "zh-CN.yaml", "yue-HK.yaml",
                "fil-PH.yaml", "ko-KR.yaml", "vi-VN.yaml", "hy-AM.yaml", "fa-IR.yaml"), files.keySet());
        CatalogSource parsed = PromptFiles.parse(files);
        CatalogSource live = store.content(1).orElseThrow();
        assertEquals(live.lines(), parsed.lines());
        assertEquals(live.prompts(), parsed.prompts());
    }

    @Test
    void anImportShowsWhatItReplacesThenReplacesTheDraftAndIsPublishedLikeAnyChange() throws IOException {
        Map<String, String> files = exported();
        files.put("lines.yaml", files.get("lines.yaml").replace("+18772755273", "+13235550142"));
        HttpResponse<String> uploaded = upload(Map.of("prompts.zip", Zips.zip(files)));
        HttpResponse<String> question = admin.follow(uploaded);
        assertTrue(question.body().contains("Import these files into the draft?"), question.body());
        assertTrue(admin.page().text().contains("Line: the Los Angeles Police Department · Number"), admin.page().text());
        assertTrue(admin.page().text().contains("In the draft now: (877) 275-5273 From the files: (323) 555-0142"), admin.page().text());
        assertEquals("+18772755273", store.draft().content().lines().lines().get(9).number(), "nothing changes before it is confirmed");

        HttpResponse<String> imported = admin.submit(uploaded.headers().firstValue("Location").orElseThrow(), Map.of());
        assertEquals(303, imported.statusCode(), imported.body());
        assertTrue(admin.follow(imported).body().contains("lapd › number"));
        assertEquals("+13235550142", store.draft().content().lines().lines().get(9).number());
        assertEquals("v1", hotline.catalog.get().version(), "imported, not published");
    }

    @Test
    void anImportedBadNumberIsRefusedAtPublishNamingTheField() throws IOException {
        Map<String, String> files = exported();
        files.put("lines.yaml", files.get("lines.yaml").replace("+18772755273", "+1877275527"));
        assertEquals(303, importConfirmed(Map.of("prompts.zip", Zips.zip(files))).statusCode());
        admin.get("/admin");
        HttpResponse<String> refused = admin.submit("/admin/publish", Map.of("note", "imported"));
        assertEquals(303, refused.statusCode());
        admin.follow(refused);
        assertTrue(admin.page().selectFirst(".error-summary").text().contains(
                "Line: the Los Angeles Police Department · number: \"+1877275527\" is not a valid phone number"), admin.page().text());
        assertEquals("v1", hotline.catalog.get().version());
    }

    @Test
    void filesThatAreNotPromptFilesChangeNothing() throws IOException {
        Map<String, String> files = exported();
        CatalogSource before = store.draft().content();
        admin.get("/admin/files");

        assertTrue(refusal(Map.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)))
                .contains("notes.txt: not a prompt file; prompt files end in .yaml"), admin.page().text());

        Map<String, String> broken = new LinkedHashMap<>(files);
        broken.put("es-US.yaml", "language_menu:\n  welcome: hola\nmain_menu: [unclosed\n");
        assertTrue(refusal(Map.of("prompts.zip", Zips.zip(broken))).contains("Prompts in Spanish (es-US.yaml): cannot be read:"
                + " on line 3 (main_menu: [unclosed), a list that opens with [ is not closed with ]."), admin.page().text());

        Map<String, String> escaping = new LinkedHashMap<>(files);
        escaping.put("../../etc/lines.yaml", files.get("lines.yaml"));
        assertTrue(refusal(Map.of("prompts.zip", Zips.zip(escaping))).contains("a path outside it; nothing was imported"));

        assertTrue(refusal(Map.of("en-US.yaml", "x".repeat(FilesController.MAX_FILE_BYTES + 1).getBytes(StandardCharsets.UTF_8)))
                .contains("too large for a prompt file"));

        assertEquals(before, store.draft().content());
    }
}
