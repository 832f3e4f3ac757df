package hotline.accounts;

import hotline.MovableClock;
import hotline.TestHotline;
import hotline.WebClient;
import hotline.content.ContentStore;
import hotline.web.KeptForms;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When a session ends under someone's hands: what they send just after is kept for them (and only for them, and only
 * if it came from their own page), offered after signing in, and saved from there; and "stay signed in" keeps a
 * session going.
 */
class SessionEndTest {
    private MovableClock clock;
    private TestHotline hotline;
    private WebClient admin;
    private ContentStore store;

    @BeforeEach
    void start() {
        clock = new MovableClock(Instant.parse("2026-12-02T18:00:00Z"));
        hotline = TestHotline.start(clock);
        admin = hotline.signedInAdmin();
        store = new ContentStore(hotline.database, clock);
    }

    @AfterEach
    void stop() {
        hotline.close();
    }

    private long maria() {
        return new Accounts(hotline.database, new PasswordHasher(), clock).byName("maria").orElseThrow().id();
    }

    private String busy() {
        return String.valueOf(store.draft().content().prompts().get("es-US").get("transfer.busy"));
    }

    @Test
    void aFormSentAfterTheSessionTimedOutIsKeptAndSavedAfterSigningIn() {
        admin.get("/admin/prompts?lang=es-US");
        clock.advance(Sessions.IDLE_TIMEOUT.plusMinutes(5));
        HttpResponse<String> sent = admin.submit("/admin/prompts", Map.of("transfer.busy", "La línea está ocupada."));
        assertEquals(303, sent.statusCode());
        String location = sent.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/admin/login?notice=kept&next=%2Fadmin%2Fkept%2F"), location);
        assertEquals("Esa línea está ocupada.", busy(), "not saved");
        admin.follow(sent);
        assertTrue(admin.page().selectFirst("[role=status]").text().startsWith("Your session ended before that was saved. Nothing is lost"));

        assertEquals(303, admin.signIn("maria", TestHotline.ADMIN_PASSWORD).statusCode());
        admin.get("/admin");
        var waiting = admin.page().selectFirst(".kept a");
        assertEquals("Prompts in Spanish", waiting.text(), "the Publish page lists what is kept");
        admin.get(waiting.attr("href"));
        assertTrue(admin.page().text().contains("1 text differs from the draft"), admin.page().text());
        assertTrue(admin.page().text().contains("Transfers: The line is busy"));

        HttpResponse<String> saved = admin.submit("/admin/prompts", Map.of());
        assertEquals(303, saved.statusCode());
        assertEquals("La línea está ocupada.", busy());
        assertEquals(List.of(), new KeptForms(hotline.database, clock).waiting(maria(), KeptForms.Purpose.SESSION_ENDED),
                "once saved, the kept copy is gone");
        assertEquals(404, admin.get(waiting.attr("href")).statusCode());
    }

    @Test
    void aFormWithoutTheEndedSessionsOwnTokenIsNotKept() {
        admin.get("/admin/prompts?lang=es-US");
        clock.advance(Sessions.IDLE_TIMEOUT.plusMinutes(5));
        HttpResponse<String> planted = admin.postExactly("/admin/prompts", Map.of("csrf", "made-up-elsewhere", "lang", "es-US",
                "transfer.busy", "Llame a otro número."));
        assertEquals(403, planted.statusCode());
        assertTrue(planted.body().contains("Your session has ended"));
        assertEquals(List.of(), new KeptForms(hotline.database, clock).waiting(maria(), KeptForms.Purpose.SESSION_ENDED));
    }

    @Test
    void aKeptFormIsForItsAuthorOnly() {
        admin.get("/admin/prompts?lang=es-US");
        clock.advance(Sessions.IDLE_TIMEOUT.plusMinutes(5));
        String location = admin.submit("/admin/prompts", Map.of("transfer.busy", "x")).headers().firstValue("Location").orElseThrow();
        String kept = java.net.URLDecoder.decode(location.substring(location.indexOf("next=") + 5), java.nio.charset.StandardCharsets.UTF_8);
        hotline.addAccount("ana", Role.ADMIN, "another long passphrase");
        WebClient ana = hotline.browser();
        ana.signIn("ana", "another long passphrase");
        assertEquals(404, ana.get(kept).statusCode());
    }

    @Test
    void stayingSignedInKeepsTheSessionGoing() {
        admin.get("/admin");
        clock.advance(Sessions.IDLE_TIMEOUT.minusMinutes(2));
        HttpResponse<String> stayed = admin.post("/admin/session/stay", Map.of());
        assertEquals(200, stayed.statusCode());
        assertEquals("{\"seconds\":1800}", stayed.body());
        clock.advance(Sessions.IDLE_TIMEOUT.minusMinutes(2));
        assertEquals(200, admin.get("/admin").statusCode(), "56 minutes after the page was opened, still signed in");
    }
}
