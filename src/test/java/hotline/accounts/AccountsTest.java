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
        assertEquals(200, added.statusCode());
        String oneTime = admin.page().selectFirst(".notice code").text();
        assertTrue(oneTime.matches("[a-z0-9]{4}(-[a-z0-9]{4}){3}"), oneTime);

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
        assertEquals(422, demote.statusCode());
        admin.get("/admin/accounts");
        assertEquals(422, admin.submit("/admin/accounts/maria", Map.of("action", "disable")).statusCode());
        assertTrue(accounts.byName("maria").orElseThrow().isAdmin());
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
