package hotline.admin;

import hotline.HotlineExtension;
import hotline.TestHotline;
import hotline.Twiml;
import hotline.WebClient;
import hotline.simulator.CallRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The language menu in the editor: adding a language safely, keys, order. */
@ExtendWith(HotlineExtension.class)
class LanguagesTest {
    @HotlineExtension.Started
    private TestHotline hotline;
    @HotlineExtension.SignedIn
    private WebClient admin;

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
        assertTrue(admin.page().text().contains("Prompts in Russian · Main menu: Safety sentence that opens the main menu"
                + " (main_menu.safety): missing"), admin.page().text());
        assertEquals(303, publish("Korean, begun").statusCode(), "a language not offered does not block a publish");
        CallRecord call = hotline.call("");
        assertTrue(!call.exchanges().get(0).body().contains("ru-RU") && !call.exchanges().get(0).body().contains("Tatyana"),
                "the language menu is unchanged");
    }

    @Test
    void twoOfferedLanguagesOnOneKeyAreRefusedWithEverythingTypedKept() {
        admin.get("/admin/languages");
        HttpResponse<String> refused = admin.submit("/admin/languages", Map.of("key_zh-CN", "2"));
        assertEquals(303, refused.statusCode(), "answered with a redirect, so that a reload does not send it again");
        assertEquals(200, admin.follow(refused).statusCode());
        var summary = admin.page().selectFirst(".error-summary a[href=#key_zh-CN]");
        assertEquals("Mandarin and Spanish both use key 2: give each language offered its own key", summary.text());
        assertEquals("true", admin.page().selectFirst("#key_zh-CN").attr("aria-invalid"));
        assertEquals("2", admin.page().selectFirst("select[name=key_zh-CN] option[selected]").val(), "what was typed is kept");
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

    @Test
    void theMostChosenLanguagesCanBePutFirstAndTheMenusLengthIsShown() throws InterruptedException {
        for (String key : List.of("6", "6", "6", "2")) {
            hotline.call(key);
        }
        awaitChosenLately("Korean", "3");
        String page = admin.get("/admin/languages").body();
        Matcher length = Pattern.compile("the language menu takes about (\\d+) seconds").matcher(page);
        assertTrue(length.find(), page);
        int seconds = Integer.parseInt(length.group(1));
        assertTrue(seconds >= 10 && seconds <= 60, "seven welcomes and keys, and another language: " + seconds + " s");

        assertEquals(303, admin.submit("/admin/languages/order-by-use", Map.of()).statusCode());
        assertEquals(303, publish("most chosen first").statusCode());
        List<String> heard = Twiml.of(hotline.call("").exchanges().get(0).body()).strings("//Gather/Say");
        assertEquals(List.of("인신매매 피해자 지원 프로그램입니다.", "한국어는 6번을 누르세요.",
                "Programa de Asistencia a Víctimas de la Trata de Personas.", "Para español, oprima 2."), heard.subList(0, 4),
                "keys stay; the order follows use");
    }

    /** Calls are counted by a background writer: wait until the page shows them. */
    private void awaitChosenLately(String language, String count) {
        Awaitility.await(language + " shown chosen " + count + " times").atMost(Duration.ofSeconds(30)).until(() -> {
            admin.get("/admin/languages");
            var row = admin.page().select("tbody tr").stream()
                    .filter(r -> r.selectFirst("th a") != null && r.selectFirst("th a").text().equals(language)).findFirst();
            return row.isPresent() && row.get().selectFirst("td.number").text().equals(count);
        });
    }
}
