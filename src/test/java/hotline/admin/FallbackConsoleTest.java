package hotline.admin;

import hotline.HotlineExtension;
import hotline.TestHotline;
import hotline.WebClient;
import hotline.accounts.Role;
import hotline.audit.AuditLog;
import hotline.catalog.ResourceLine;
import hotline.voice.FallbackTwiml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Publish page says, for someone who is not an engineer, whether the TwiML Bin holds the live content's fallback:
 * it shows the fallback to copy, records "I have pasted it" (in the audit log too), and asks for a new paste after a
 * publish that changes what the fallback says, and only then.
 */
@ExtendWith(HotlineExtension.class)
class FallbackConsoleTest {
    @HotlineExtension.Started
    private TestHotline hotline;
    @HotlineExtension.SignedIn
    private WebClient admin;

    private String fallbackPanel() {
        HttpResponse<String> home = admin.get("/admin");
        assertEquals(200, home.statusCode());
        return admin.page().select("#fallback").text();
    }

    private HttpResponse<String> markPasted() {
        assertEquals(200, admin.get("/admin/fallback").statusCode());
        return admin.submit("/admin/fallback/pasted", Map.of());
    }

    private void publishNewNumber(String lineId, String number) {
        assertEquals(200, admin.get("/admin/lines/" + lineId).statusCode());
        HttpResponse<String> saved = admin.submit("/admin/lines/" + lineId, Map.of("number", number));
        assertEquals(303, saved.statusCode(), saved.body());
        admin.get("/admin");
        HttpResponse<String> published = admin.submit("/admin/publish", Map.of("note", "new number for " + lineId));
        assertEquals(303, published.statusCode(), published.body());
    }

    @Test
    void theFallbackIsShownToCopyAndUntilPastedThePageSaysSo() {
        assertTrue(fallbackPanel().contains("No one has marked the fallback as pasted"), fallbackPanel());
        assertEquals(200, admin.get("/admin/fallback").statusCode());
        FallbackTwiml live = FallbackTwiml.of(hotline.catalog.get());
        assertEquals(live.template(), admin.page().select("textarea#fallback-twiml").first().wholeText(),
                "exactly what scripts/hotline fallback-twiml prints, to paste whole");
        assertTrue(admin.page().text().contains(live.fingerprint()));
        assertFalse(admin.page().select("button[data-copy=fallback-twiml]").isEmpty(), "a Copy button");
        assertTrue(admin.page().select("script:not([src])").isEmpty(), "no inline script");
    }

    @Test
    void pastingIsRecordedAndAPublishThatChangesTheFallbackAsksForItAgain() {
        HttpResponse<String> pasted = markPasted();
        assertEquals(303, pasted.statusCode(), pasted.body());
        assertTrue(fallbackPanel().contains("It is up to date: marked as pasted by maria"), fallbackPanel());
        AuditLog.Entry entry = new AuditLog(hotline.database, hotline.clock).latest(5).stream()
                .filter(e -> e.action().equals("fallback_pasted")).findFirst().orElseThrow();
        assertEquals("maria", entry.actor());
        assertTrue(entry.detail().contains(FallbackTwiml.of(hotline.catalog.get()).fingerprint()), entry.detail());

        ResourceLine other = hotline.catalog.get().lines().stream()
                .filter(line -> !line.id().equals(hotline.catalog.get().hotlineLineId())).findFirst().orElseThrow();
        publishNewNumber(other.id(), "(323) 555-0142");
        assertEquals("v2", hotline.catalog.get().version());
        assertTrue(fallbackPanel().contains("It is up to date"), "the fallback does not name that line: " + fallbackPanel());

        publishNewNumber(hotline.catalog.get().hotlineLineId(), "(323) 555-0143");
        assertEquals("v3", hotline.catalog.get().version());
        assertTrue(fallbackPanel().contains("The fallback changed in v3: paste it into your TwiML Bin again."), fallbackPanel());
        assertTrue(FallbackTwiml.of(hotline.catalog.get()).template().contains("<Number>+13235550143</Number>"));

        assertEquals(303, markPasted().statusCode());
        assertTrue(fallbackPanel().contains("It is up to date"), fallbackPanel());
    }

    @Test
    void aFallbackCopiedBeforeAPublishCannotBeMarkedAsTheLiveOne() {
        assertEquals(200, admin.get("/admin/fallback").statusCode());
        HttpResponse<String> stale = admin.submit("/admin/fallback/pasted", Map.of("fingerprint", "0123456789ab"));
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("Nothing was marked"), stale.body());
        assertTrue(fallbackPanel().contains("No one has marked the fallback as pasted"), fallbackPanel());
    }

    @Test
    void staffCannotMarkIt() {
        hotline.addAccount("sam", Role.STAFF, TestHotline.ADMIN_PASSWORD);
        WebClient staff = hotline.browser();
        assertEquals(303, staff.signIn("sam", TestHotline.ADMIN_PASSWORD).statusCode());
        staff.get("/dashboard");
        assertEquals(403, staff.get("/admin/fallback").statusCode());
        assertEquals(403, staff.post("/admin/fallback/pasted", Map.of("fingerprint", "x")).statusCode());
    }
}
