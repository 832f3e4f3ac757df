package hotline.recordings;

import hotline.Slow;
import hotline.TestAudio;
import hotline.HotlineExtension;
import hotline.TestHotline;
import hotline.WebClient;
import hotline.content.ContentStore;
import hotline.catalog.CatalogSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads built to break the recordings page: control characters in the file name (a NUL used to give a 500), and
 * a file over the limit, whose size must be told as it is, not rounded down to the limit.
 */
@ExtendWith(HotlineExtension.class)
@Slow
class HostileRecordingUploadTest {
    private static final String SAFETY = "main_menu.safety#0.0";
    @HotlineExtension.Started
    private TestHotline hotline;
    @HotlineExtension.SignedIn
    private WebClient admin;

    private HttpResponse<String> upload(String name, byte[] audio) {
        admin.get(RecordingsController.PAGE + "?lang=en-US");
        return admin.upload(RecordingsController.PAGE, Map.of("lang", "en-US", "slot", SAFETY), "audio", Map.of(name, audio));
    }

    /** Why an upload was refused, from the recordings page it redirects back to (a reload then sends nothing again). */
    private String refusal(String name, byte[] audio) {
        HttpResponse<String> refused = upload(name, audio);
        assertEquals(303, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Location").orElseThrow().contains("typed="), "back with what was refused");
        admin.follow(refused);
        return admin.page().selectFirst(".error-summary").text();
    }

    /**
     * A NUL or another control character never reaches the page: the form itself cannot be read (400, a page that says
     * so); characters a form can carry but no file name needs, such as a right-to-left override, are refused, with the
     * reason on the page the upload leads back to.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wel\u0000come.wav", "welcome.wav\u0000.mp3", "\u0000", "wel\u0007come.wav", "wel\u202Ecome.wav",
            "wel\u200Bcome.wav"})
    void aFileNameWithControlCharactersIsRefusedWithAPage(String name) throws IOException {
        CatalogSource before = new ContentStore(hotline.database, hotline.clock).draft().content();
        HttpResponse<String> refused = upload(name, TestAudio.wav("welcome"));
        assertTrue(refused.statusCode() == 400 || refused.statusCode() == 303, refused.statusCode() + ": " + refused.body());
        String said = refused.statusCode() == 400 ? admin.page().selectFirst("main p").text()
                : admin.follow(refused).statusCode() == 200 ? admin.page().selectFirst(".error-summary").text() : "";
        assertTrue(said.contains(refused.statusCode() == 400 ? "Nothing was saved." : "is not a plain file name"), said);
        assertFalse(admin.page().html().contains("\u0000") || admin.page().html().contains("\u202E"),
                "the name is not echoed as it came");
        assertEquals(before, new ContentStore(hotline.database, hotline.clock).draft().content());
        Path kept = hotline.dataDir.resolve("recordings");
        assertTrue(!Files.exists(kept) || Files.list(kept).findAny().isEmpty(), "nothing kept");
    }

    @Test
    void aFileOverTheLimitIsToldItsOwnSize() {
        byte[] file = new byte[(int) (5.9 * 1024 * 1024)];
        byte[] header = TestAudio.wav("big");
        System.arraycopy(header, 0, file, 0, header.length);
        String refused = refusal("big.wav", file);
        assertTrue(refused.contains("\"big.wav\" is 5.9 MB; a recording can be at most 5 MB."), refused);
    }

    @Test
    void aFileJustOverTheLimitIsNotSaidToBeAtTheLimit() {
        byte[] file = new byte[(int) RecordingStore.MAX_BYTES + 1];
        byte[] header = TestAudio.wav("big");
        System.arraycopy(header, 0, file, 0, header.length);
        String refused = refusal("big.wav", file);
        assertTrue(refused.contains("\"big.wav\" is 5,242,881 bytes; a recording can be at most 5 MB"), refused);
    }
}
