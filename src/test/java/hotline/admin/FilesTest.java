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

/** Export what callers hear as prompt files; import files into the draft, refusing what is not prompt files. */
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
    void anImportReplacesTheDraftAndIsPublishedLikeAnyChange() throws IOException {
        Map<String, String> files = exported();
        files.put("lines.yaml", files.get("lines.yaml").replace("+18772755273", "+13235550142"));
        admin.get("/admin/files");
        HttpResponse<String> imported = admin.upload("/admin/files/import", "files", Map.of("prompts.zip", Zips.zip(files)));
        assertEquals(303, imported.statusCode(), imported.body());
        assertTrue(admin.follow(imported).body().contains("lapd › number"));
        assertEquals("+13235550142", store.draft().content().lines().lines().get(9).number());
        assertEquals("v1", hotline.catalog.get().version(), "imported, not published");
    }

    @Test
    void anImportedBadNumberIsRefusedAtPublishNamingTheField() throws IOException {
        Map<String, String> files = exported();
        files.put("lines.yaml", files.get("lines.yaml").replace("+18772755273", "+1877275527"));
        admin.get("/admin/files");
        assertEquals(303, admin.upload("/admin/files/import", "files", Map.of("prompts.zip", Zips.zip(files))).statusCode());
        admin.get("/admin");
        HttpResponse<String> refused = admin.submit("/admin/publish", Map.of("note", "imported"));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("lines.yaml: lines[9] (lapd).number: &#34;+1877275527&#34; is not a valid phone number")
                || admin.page().text().contains("lines.yaml: lines[9] (lapd).number: \"+1877275527\" is not a valid phone number"),
                admin.page().text());
        assertEquals("v1", hotline.catalog.get().version());
    }

    @Test
    void filesThatAreNotPromptFilesChangeNothing() throws IOException {
        Map<String, String> files = exported();
        CatalogSource before = store.draft().content();
        admin.get("/admin/files");

        HttpResponse<String> notYaml = admin.upload("/admin/files/import", "files", Map.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, notYaml.statusCode());
        assertTrue(notYaml.body().contains("notes.txt: not a prompt file; prompt files end in .yaml"), notYaml.body());

        admin.get("/admin/files");
        Map<String, String> broken = new LinkedHashMap<>(files);
        broken.put("es-US.yaml", "main_menu: [unclosed\n");
        HttpResponse<String> badYaml = admin.upload("/admin/files/import", "files", Map.of("prompts.zip", Zips.zip(broken)));
        assertEquals(422, badYaml.statusCode());
        assertTrue(badYaml.body().contains("es-US.yaml: not valid YAML"), badYaml.body());

        admin.get("/admin/files");
        Map<String, String> escaping = new LinkedHashMap<>(files);
        escaping.put("../../etc/lines.yaml", files.get("lines.yaml"));
        HttpResponse<String> traversal = admin.upload("/admin/files/import", "files", Map.of("prompts.zip", Zips.zip(escaping)));
        assertEquals(422, traversal.statusCode());
        assertTrue(traversal.body().contains("a path outside it; nothing was imported"), traversal.body());

        admin.get("/admin/files");
        HttpResponse<String> huge = admin.upload("/admin/files/import", "files",
                Map.of("en-US.yaml", "x".repeat(FilesController.MAX_FILE_BYTES + 1).getBytes(StandardCharsets.UTF_8)));
        assertEquals(422, huge.statusCode());
        assertTrue(huge.body().contains("too large for a prompt file"), huge.body());

        assertEquals(before, store.draft().content());
    }
}
