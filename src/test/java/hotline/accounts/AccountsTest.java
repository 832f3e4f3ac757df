package hotline.accounts;

import hotline.HotlineExtension;
import hotline.TestHotline;
import hotline.WebClient;
import hotline.audit.AuditLog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Managing accounts: in the console, from the command line, and the first admin of a fresh install. */
@ExtendWith(HotlineExtension.class)
class AccountsTest {
    @HotlineExtension.Started
    private TestHotline hotline;
    private Accounts accounts;

    @BeforeEach
    void start() {
        accounts = new Accounts(hotline.database, new PasswordHasher(), hotline.clock);
    }

    @Test
    void anAdminAddsAnAccountWithAOneTimePasswordAndCanDisableIt() {
        WebClient admin = hotline.signedInAdmin();
        admin.get("/admin/accounts");
        HttpResponse<String> added = admin.submit("/admin/accounts", Map.of("name", "Olivia", "role", "staff"));
        assertEquals(303, added.statusCode(), "a redirect: reloading the page does not add the account again");
        admin.follow(added);
        String oneTime = admin.page().selectFirst(".notice code").text();
        assertTrue(oneTime.matches("[a-z0-9]{4}(-[a-z0-9]{4}){3}"), oneTime);
        admin.get("/admin/accounts");
        assertTrue(admin.page().select(".notice code").isEmpty(), "the one-time password is shown once only");

        WebClient olivia = hotline.browser();
        assertEquals(303, olivia.signIn("olivia", oneTime).statusCode());
        assertEquals("/admin/password", olivia.get("/dashboard").headers().firstValue("Location").orElseThrow());

        admin.get("/admin/accounts");
        assertEquals(303, admin.submit("/admin/accounts/olivia", Map.of("action", "disable")).statusCode());
        assertEquals(303, olivia.get("/admin/password").statusCode(), "her session ended with the account");
        assertEquals(401, hotline.browser().signIn("olivia", oneTime).statusCode());
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        WebClient admin = hotline.signedInAdmin();
        admin.get("/admin/accounts");
        HttpResponse<String> demote = admin.submit("/admin/accounts/maria", Map.of("action", "role", "role", "staff"));
        assertEquals(303, demote.statusCode());
        admin.follow(demote);
        assertTrue(admin.page().selectFirst(".error-summary").text().contains("You cannot take admin rights from your own account"));
        admin.get("/admin/accounts");
        HttpResponse<String> disable = admin.submit("/admin/accounts/maria", Map.of("action", "disable"));
        admin.follow(disable);
        assertTrue(admin.page().selectFirst(".error-summary").text().contains("You cannot disable your own account"));
        assertTrue(accounts.byName("maria").orElseThrow().isAdmin());
        assertFalse(accounts.byName("maria").orElseThrow().disabled());
    }

    @Test
    void aNameThatCannotBeAnAccountNameIsExplainedAndKeptAsTyped() {
        WebClient admin = hotline.signedInAdmin();
        admin.get("/admin/accounts");
        assertEquals("", admin.page().selectFirst("#name").attr("pattern"), "no pattern: the browser's check would differ"
                + " from the server's (and Chromium refused the old one as an invalid regular expression)");
        HttpResponse<String> refused = admin.submit("/admin/accounts", Map.of("name", "-olivia smith", "role", "admin"));
        assertEquals(303, refused.statusCode());
        admin.follow(refused);
        assertEquals("-olivia smith", admin.page().selectFirst("#name").val(), "the name typed is still there");
        assertEquals("admin", admin.page().selectFirst("#role option[selected]").val());
        assertEquals("true", admin.page().selectFirst("#name").attr("aria-invalid"));
        assertEquals("name-hint name-error", admin.page().selectFirst("#name").attr("aria-describedby"));
        // What is wrong with this name, not the rule again that the hint beside the field already gives.
        assertEquals("A name cannot have a space in it.", admin.page().selectFirst(".error-summary a[href=#name]").text());
        assertTrue(accounts.byName("-olivia smith").isEmpty());
        assertEquals("A name starts with a letter or a digit, not \"-\".", Accounts.whatIsWrongWith("-olivia"));
        assertEquals("A name cannot have \"é\" or \"!\" in it.", Accounts.whatIsWrongWith("josé!!"));
    }

    @Test
    void resettingAPasswordAsksFirstThenShowsTheNewOneOnce() {
        WebClient admin = hotline.signedInAdmin();
        hotline.addAccount("sam", Role.STAFF, "purple monkey dishwasher");
        WebClient sam = hotline.browser();
        assertEquals(303, sam.signIn("sam", "purple monkey dishwasher").statusCode());
        admin.get("/admin/accounts");
        assertTrue(admin.page().select("form[action=/admin/accounts/sam] input[value=reset]").isEmpty(), "no one-click reset");
        HttpResponse<String> question = admin.get("/admin/accounts/sam/reset");
        assertEquals(200, question.statusCode());
        assertTrue(admin.page().text().contains("sam's password stops working at once, and sam is signed out everywhere"),
                admin.page().text());
        assertEquals(200, sam.get("/dashboard").statusCode(), "nothing happens before it is confirmed");

        HttpResponse<String> reset = admin.submit("/admin/accounts/sam", Map.of());
        assertEquals(303, reset.statusCode());
        admin.follow(reset);
        String oneTime = admin.page().selectFirst(".notice code").text();
        assertEquals(303, sam.get("/dashboard").statusCode(), "signed out");
        assertEquals(303, hotline.browser().signIn("sam", oneTime).statusCode());
    }

    @Test
    void aFreshLocalInstallGetsAnAdminWithARandomOneTimePasswordInAPrivateFile(@TempDir Path dataDir) throws IOException {
        FirstAdmin.createIfNoAccounts(accounts, dataDir, false);
        assertTrue(accounts.none(), "not outside local mode");
        FirstAdmin.createIfNoAccounts(accounts, dataDir, true);
        Path file = dataDir.resolve(FirstAdmin.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String password = Files.readString(file).strip();
        Account admin = accounts.authenticate(FirstAdmin.NAME, password).orElseThrow();
        assertTrue(admin.mustChangePassword() && admin.isAdmin());
        FirstAdmin.createIfNoAccounts(accounts, dataDir, true);
        assertEquals(1, accounts.all().size(), "only when there are no accounts at all");
        FirstAdmin.forgetPasswordFile(dataDir);
        assertFalse(Files.exists(file));
    }

    @Test
    void passwordsAreStoredAsSlowSaltedHashes() {
        PasswordHasher hasher = new PasswordHasher();
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hash.startsWith("pbkdf2-sha256$600000$"), hash);
        assertFalse(hash.equals(hasher.hash("correct horse battery staple")), "salted");
        assertTrue(hasher.matches("correct horse battery staple", hash));
        assertFalse(hasher.matches("correct horse battery stapler", hash));
    }
}
