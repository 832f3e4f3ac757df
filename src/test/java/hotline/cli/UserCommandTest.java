package hotline.cli;

import hotline.HotlineExtension;
import hotline.TestHotline;
import hotline.accounts.Accounts;
import hotline.accounts.PasswordHasher;
import hotline.accounts.Sessions;
import hotline.audit.AuditLog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code scripts/hotline user ...}: accounts made and changed from the command line, where a hotline has none yet. */
@ExtendWith(HotlineExtension.class)
class UserCommandTest {
    @HotlineExtension.Started
    private TestHotline hotline;

    private Accounts accounts() {
        return new Accounts(hotline.database, new PasswordHasher(), hotline.clock);
    }

    @Test
    void theCommandLineAddsTheFirstAdminReadingThePasswordTwice() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArrayDeque<String> typed = new ArrayDeque<>(List.of("a long enough secret", "a long enough secret"));
        HotlineCli cli = new HotlineCli(new Accounts(hotline.database, new PasswordHasher(), hotline.clock), new Sessions(hotline.database, hotline.clock), new AuditLog(hotline.database, hotline.clock),
                prompt -> typed.poll(), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, cli.run(List.of("user", "add", "--role", "admin", "Ana")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Added ana (admin)"));
        assertTrue(accounts().authenticate("ana", "a long enough secret").orElseThrow().isAdmin());

        ArrayDeque<String> mismatch = new ArrayDeque<>(List.of("another long secret", "a different secret"));
        HotlineCli again = new HotlineCli(new Accounts(hotline.database, new PasswordHasher(), hotline.clock), new Sessions(hotline.database, hotline.clock), new AuditLog(hotline.database, hotline.clock),
                prompt -> mismatch.poll(), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(1, again.run(List.of("user", "add", "ben")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("The two passwords are not the same; nothing was changed."));
        assertTrue(accounts().byName("ben").isEmpty());
        assertEquals(2, again.run(List.of("user", "frobnicate", "ben")));
    }
}
