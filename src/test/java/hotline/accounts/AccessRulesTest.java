package hotline.accounts;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import hotline.MovableClock;
import hotline.TestHotline;
import hotline.WebClient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every access rule of the admin console, over real HTTP. */
class AccessRulesTest {
    private static final String ADMIN_PASSWORD = "correct horse battery staple";
    private static final String STAFF_PASSWORD = "purple monkey dishwasher";
    private static final MovableClock CLOCK = new MovableClock(TestHotline.OFFICE_HOURS.atZone(TestHotline.LOS_ANGELES).toInstant());
    private static TestHotline hotline;

    @BeforeAll
    static void start() {
        hotline = TestHotline.start(CLOCK);
        hotline.addAccount("maria", Role.ADMIN, ADMIN_PASSWORD);
        hotline.addAccount("sam", Role.STAFF, STAFF_PASSWORD);
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    private static WebClient admin() {
        WebClient browser = hotline.browser();
        assertEquals(303, browser.signIn("maria", ADMIN_PASSWORD).statusCode());
        return browser;
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        WebClient anonymous = hotline.browser();
        for (String page : new String[]{"/admin", "/admin/accounts", "/admin/lines", "/dashboard"}) {
            HttpResponse<String> response = anonymous.get(page);
            assertEquals(303, response.statusCode(), page);
            assertTrue(response.headers().firstValue("Location").orElseThrow().startsWith("/admin/login?next="), page);
        }
        HttpResponse<String> post = anonymous.postExactly("/admin/publish", Map.of("note", "x", "csrf", "guess"));
        assertEquals(403, post.statusCode());
        assertTrue(post.body().contains("Your session has ended"));
    }

    @Test
    void signingInSetsAStrictHttpOnlySecureCookieAndGoesHome() {
        WebClient browser = hotline.browser();
        HttpResponse<String> response = browser.signIn("Maria", ADMIN_PASSWORD);
        assertEquals(303, response.statusCode());
        assertEquals("/admin", response.headers().firstValue("Location").orElseThrow());
        String cookie = WebClient.setCookies(response).stream().filter(c -> c.startsWith("hotline_session=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Strict") && cookie.contains("; Secure"), cookie);
        assertEquals(200, browser.follow(response).statusCode());
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        WebClient browser = hotline.browser();
        HttpResponse<String> wrongPassword = browser.signIn("maria", "not the password");
        HttpResponse<String> noSuchAccount = browser.signIn("nobody", "not the password");
        assertEquals(401, wrongPassword.statusCode());
        assertTrue(wrongPassword.body().contains("The account name or the password is wrong."));
        assertEquals(401, noSuchAccount.statusCode());
        assertTrue(noSuchAccount.body().contains("The account name or the password is wrong."));
        assertTrue(wrongPassword.body().contains("value=\"maria\""), "the name typed is kept");
    }

    @Test
    void staffSeeDashboardsButCannotEditOrPublish() {
        WebClient staff = hotline.browser();
        HttpResponse<String> signedIn = staff.signIn("sam", STAFF_PASSWORD);
        assertEquals("/dashboard", signedIn.headers().firstValue("Location").orElseThrow());
        for (String page : new String[]{"/admin", "/admin/accounts", "/admin/lines", "/admin/prompts", "/admin/versions"}) {
            HttpResponse<String> response = staff.get(page);
            assertEquals(403, response.statusCode(), page);
            assertTrue(response.body().contains("For admins only"), page);
        }
        staff.get("/admin/password");
        HttpResponse<String> publish = staff.post("/admin/publish", Map.of("note", "staff trying"));
        assertEquals(403, publish.statusCode());
        assertEquals("v1", hotline.catalog.get().version(), "nothing was published");
    }

    @Test
    void aFormWithoutTheSessionsTokenIsRefused() {
        WebClient admin = admin();
        admin.get("/admin");
        HttpResponse<String> missing = admin.postExactly("/admin/draft/discard", Map.of());
        HttpResponse<String> forged = admin.postExactly("/admin/draft/discard", Map.of("csrf", "forged-token"));
        assertEquals(403, missing.statusCode());
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("This form has expired"));
        assertEquals(303, admin.post("/admin/draft/discard", Map.of()).statusCode(), "the page's own token works");
    }

    @Test
    void aSessionStopsWorkingAfterSignOut() {
        WebClient admin = admin();
        String session = admin.cookie(AccessControl.SESSION_COOKIE);
        admin.get("/admin");
        assertEquals(303, admin.post("/admin/logout", Map.of()).statusCode());
        WebClient replay = hotline.browser();
        replay.setCookie(AccessControl.SESSION_COOKIE, session);
        assertEquals(303, replay.get("/admin").statusCode(), "the old session cookie opens nothing");
    }

    @Test
    void signingInGivesANewSessionNeverAPlantedOne() {
        WebClient browser = hotline.browser();
        browser.setCookie(AccessControl.SESSION_COOKIE, "planted-by-an-attacker");
        browser.signIn("maria", ADMIN_PASSWORD);
        assertNotEquals("planted-by-an-attacker", browser.cookie(AccessControl.SESSION_COOKIE));
    }

    @Test
    void idleSessionsExpire() {
        WebClient admin = admin();
        assertEquals(200, admin.get("/admin").statusCode());
        CLOCK.advance(Sessions.IDLE_TIMEOUT.plusMinutes(1));
        assertEquals(303, admin.get("/admin").statusCode());
    }

    @Test
    void repeatedFailuresAreSlowedDownAndLoggedWithoutThePassword() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(LoginController.class)).addAppender(log);
        try {
            hotline.addAccount("target", Role.STAFF, "the real password here");
            WebClient attacker = hotline.browser();
            for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS_PER_NAME + 1; i++) {
                attacker.signIn("target", "guess number " + i);
            }
            HttpResponse<String> right = attacker.signIn("target", "the real password here");
            assertEquals(429, right.statusCode(), "even the right password waits");
            assertTrue(right.headers().firstValue("Retry-After").isPresent());
            assertTrue(right.body().contains("Too many failed attempts."));
        } finally {
            ((Logger) LoggerFactory.getLogger(LoginController.class)).detachAppender(log);
        }
        assertTrue(log.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith("Failed sign-in for account 'target'")));
        assertFalse(log.list.stream().anyMatch(e -> e.getFormattedMessage().contains("guess number")));
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAnythingElse() {
        hotline.addAccount("newcomer", Role.ADMIN, "temporary pass 1234");
        new Accounts(hotline.database, new PasswordHasher(), CLOCK).setPassword(
                new Accounts(hotline.database, new PasswordHasher(), CLOCK).byName("newcomer").orElseThrow(),
                "temporary pass 1234", true);
        WebClient browser = hotline.browser();
        browser.signIn("newcomer", "temporary pass 1234");
        HttpResponse<String> home = browser.get("/admin");
        assertEquals(303, home.statusCode());
        assertEquals("/admin/password", home.headers().firstValue("Location").orElseThrow());
        browser.get("/admin/password");
        HttpResponse<String> tooShort = browser.post("/admin/password", Map.of("current", "temporary pass 1234",
                "new", "short", "repeat", "short"));
        assertEquals(303, tooShort.statusCode(), "a redirect: reloading the page never sends the passwords again");
        browser.follow(tooShort);
        assertTrue(browser.page().selectFirst(".error-summary a[href=#new]").text().contains("at least 12 characters"));
        assertEquals("", browser.page().selectFirst("#current").val(), "no password is ever kept or shown again");
        HttpResponse<String> changed = browser.post("/admin/password", Map.of("current", "temporary pass 1234",
                "new", "a much better passphrase", "repeat", "a much better passphrase"));
        assertEquals(303, changed.statusCode());
        assertEquals(200, browser.get("/admin").statusCode());
    }

    @Test
    void pagesSendStrictSecurityHeaders() {
        WebClient admin = admin();
        admin.get("/dashboard");
        String csv = admin.page().selectFirst("a[href^=/dashboard/csv/]").attr("href");
        for (String page : new String[]{"/admin", "/admin/login", "/admin/lines", "/admin/prompts", "/admin/languages",
                "/admin/recordings?lang=en-US", "/admin/versions", "/admin/preview", "/admin/files", "/admin/accounts",
                "/admin/audit", "/dashboard", "/dashboard/data", csv}) {
            HttpResponse<String> response = admin.get(page);
            assertEquals(200, response.statusCode(), page);
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                org.jsoup.nodes.Document html = admin.page();
                assertTrue(html.select("script:not([src])").isEmpty(), page + " has an inline script");
                assertTrue(html.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                        .noneMatch(a -> a.getKey().startsWith("on")), page + " has an inline event handler");
            }
            String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"), csp);
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElseThrow());
            assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElseThrow());
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        }
    }

    @Test
    void afterSignInOnlyOurOwnPagesAreFollowed() {
        assertEquals("", LoginController.safeNext("https://evil.example/admin"));
        assertEquals("", LoginController.safeNext("//evil.example/admin"));
        assertEquals("", LoginController.safeNext("/admin\\@evil"));
        assertEquals("/admin/lines?x=1", LoginController.safeNext("/admin/lines?x=1"));
        assertEquals(Duration.ofMinutes(30), Sessions.IDLE_TIMEOUT);
    }
}
