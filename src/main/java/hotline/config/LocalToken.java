package hotline.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Local mode's stand-in for a Twilio auth token: made fresh at each start, so there is never a fixed secret,
 * and written where the local call simulator (run by the same user) can read it and no one else can.
 */
public final class LocalToken {
    public static final String FILE_NAME = "local-twilio-auth-token";

    private LocalToken() {
    }

    public static String createIn(Path dataDir) {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        try {
            Path temp = Files.createTempFile(dataDir, FILE_NAME, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, token, StandardCharsets.UTF_8);
            Files.move(temp, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local token under " + dataDir, e);
        }
        return token;
    }

    public static String readFrom(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve(FILE_NAME), StandardCharsets.UTF_8).trim();
    }
}
