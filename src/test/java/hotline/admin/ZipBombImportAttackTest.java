package hotline.admin;

import hotline.HotlineExtension;
import hotline.TestHotline;
import hotline.WebClient;
import hotline.Zips;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imports built to exhaust the hotline: one name repeated thousands of times (which slipped past a limit that counted
 * names, costing seconds of CPU), and a few kilobytes that unpack to many megabytes. Each is refused with a page
 * that says why, and the draft does not change.
 */
@ExtendWith(HotlineExtension.class)
class ZipBombImportAttackTest {
    @HotlineExtension.Started
    private TestHotline hotline;
    @HotlineExtension.SignedIn
    private WebClient admin;
    private Map<String, String> export;

    @BeforeEach
    void start() {
        export = new LinkedHashMap<>(Zips.unzip(admin.download("/admin/files/export").body()));
    }

    /** Why the import was refused, from the page it redirects back to (a reload then uploads nothing again). */
    private String refusal(byte[] zip) {
        admin.get("/admin/files");
        HttpResponse<String> refused = admin.upload("/admin/files/import", "files", Map.of("prompts.zip", zip));
        assertEquals(303, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Location").orElseThrow().startsWith("/admin/files?typed="),
                "back to the files page, not on to the page that confirms an import");
        admin.follow(refused);
        return admin.page().selectFirst(".error-summary").text();
    }

    @Test
    void oneNameRepeatedThousandsOfTimesIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : export.entrySet()) {
                put(zip, file.getKey(), file.getValue());
            }
            for (int i = 0; i < 3_000; i++) { // the same, valid file again and again, in folders the import looks through
                put(zip, "copy" + i + "/languages.yaml", export.get("languages.yaml"));
            }
        }
        Map<String, String> draftBefore = draft();
        String refused = refusal(bytes.toByteArray());
        assertTrue(refused.contains("othing was imported"), refused);
        assertEquals(draftBefore, draft(), "the draft is as it was");
    }

    @Test
    void kilobytesThatUnpackToMegabytesAreRefused() throws IOException {
        Map<String, String> padded = new LinkedHashMap<>(export);
        String comment = "# " + "x".repeat(400 * 1024) + "\n"; // each file stays under the limit of one file
        for (int i = 0; i < 15; i++) {
            padded.put("xx-X" + (char) ('A' + i) + ".yaml", comment + export.get("en-US.yaml"));
        }
        byte[] zip = Zips.zip(padded);
        assertTrue(zip.length < 1024 * 1024, "small on the wire: " + zip.length + " bytes");
        Map<String, String> draftBefore = draft();
        String refused = refusal(zip);
        assertTrue(refused.contains("The files unpack to more than 4 MB"), refused);
        assertEquals(draftBefore, draft());
    }

    @Test
    void aFileTwiceIsRefusedRatherThanOneQuietlyChosen() {
        Map<String, String> twice = new LinkedHashMap<>(export);
        twice.put("copy/en-US.yaml", export.get("en-US.yaml").replace("Welcome", "Hello"));
        String refused = refusal(Zips.zip(twice));
        assertTrue(refused.contains("\"en-US.yaml\" is there twice"), refused);
    }

    private Map<String, String> draft() {
        return Zips.unzip(admin.download("/admin/files/export?which=draft").body());
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
