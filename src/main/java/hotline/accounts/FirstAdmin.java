package hotline.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * On a fresh local install (no Twilio token, no accounts) the hotline makes an admin named {@code admin} with a
 * random one-time password, written to {@code first-admin-password} under the data directory, readable by its
 * owner only, and deleted once that password is changed. Anywhere else the first admin comes from
 * {@code scripts/hotline user add}. There is never a fixed default password.
 */
public final class FirstAdmin {
    public static final String FILE_NAME = "first-admin-password";
    public static final String NAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private FirstAdmin() {
    }

    public static void createIfNoAccounts(Accounts accounts, Path dataDir, boolean localMode) {
        if (!accounts.none()) {
            return;
        }
        if (!localMode) {
            log.warn("There are no accounts yet. Create the first admin with: scripts/hotline user add --role admin NAME");
            return;
        }
        String password = AccountsController.oneTimePassword();
        accounts.create(NAME, Role.ADMIN, password, true);
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Path temp = Files.createTempFile(dataDir, FILE_NAME, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        log.info("No accounts yet: created the admin account '{}'. Its one-time password is in {}; "
                + "sign in at /admin and choose your own.", NAME, file);
    }

    /** Once the one-time password is replaced, its file has nothing left to say. */
    public static void forgetPasswordFile(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE_NAME));
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", dataDir.resolve(FILE_NAME), e.toString());
        }
    }
}
