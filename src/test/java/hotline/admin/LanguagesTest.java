package hotline.admin;

import hotline.TestHotline;
import hotline.WebClient;
import hotline.accounts.Role;
import hotline.simulator.CallRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The language menu in the editor: adding a language safely, keys, order. */
class LanguagesTest {
    private TestHotline hotline;
    private WebClient admin;

    @BeforeEach
    void start() {
        hotline = TestHotline.start();
        hotline.addAccount("maria", Role.ADMIN, "correct horse battery staple");
        admin = hotline.browser();
        admin.signIn("maria", "correct horse battery staple");
    }

    @AfterEach
    void stop() {
        hotline.close();
    }

    private HttpResponse<String> publish(String note) {
        admin.get("/admin");
        return admin.submit("/admin/publish", Map.of("note", note));
    }

    @Test
    void aNewLanguageStartsUnofferedSoItNeverBlocksAPublish() {
        admin.get("/admin/languages");
        HttpResponse<String> added = admin.submit("/admin/languages/add", Map.of("code", "ru-RU", "key", "8",
                "twilio_language", "ru-RU", "voice", "Polly.Tatyana"));
        assertEquals(303, added.statusCode(), added.body());
        HttpResponse<String> home = admin.get("/admin");
        assertTrue(home.body().contains("Unfinished, not offered to callers yet"));
        assertTrue(home.body().contains("ru-RU.yaml: main_menu.safety: missing"), home.body());
        assertEquals(303, publish("Korean, begun").statusCode(), "a language not offered does not block a publish");
        CallRecord call = hotline.call("");
        assertTrue(!call.exchanges().get(0).body().contains("ru-RU") && !call.exchanges().get(0).body().contains("Tatyana"),
                "the language menu is unchanged");
    }

    @Test
    void twoOfferedLanguagesOnOneKeyAreRefusedWithEverythingTypedKept() {
        admin.get("/admin/languages");
        HttpResponse<String> refused = admin.submit("/admin/languages", Map.of("key_zh-CN", "2"));
        assertEquals(422, refused.statusCode());
        assertTrue(admin.page().selectFirst(".error").text().contains("zh-CN and es-US both use key 2."));
        assertEquals("2", admin.page().selectFirst("select[name=key_zh-CN] option[selected]").val());
    }

    @Test
    void theOrderAndKeysOfTheLanguageMenuAreTheDrafts() {
        admin.get("/admin/languages");
        admin.submit("/admin/languages/zh-CN/move", Map.of("direction", "up"));
        admin.get("/admin/languages");
        admin.submit("/admin/languages", Map.of("key_zh-CN", "2", "key_es-US", "3"));
        assertEquals(303, publish("Mandarin before Spanish").statusCode());
        CallRecord call = hotline.call("2");
        assertTrue(call.exchanges().get(0).body().indexOf("普通话请按2") < call.exchanges().get(0).body().indexOf("Para español, oprima 3"));
        assertEquals("cmn-CN", hotline.catalog.get().language("zh-CN").orElseThrow().twilioLanguage().orElseThrow());
        assertTrue(call.spokenText().contains("如果您有紧急危险"), "key 2 now chooses Mandarin");
    }
}
