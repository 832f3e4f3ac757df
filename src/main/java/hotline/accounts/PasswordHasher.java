package hotline.accounts;

import hotline.web.WorkLane;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with PBKDF2-HMAC-SHA256 at 600,000 iterations (OWASP's figure for it), from the JDK itself.
 * A hash carries its algorithm, cost and salt: {@code pbkdf2-sha256$600000$<salt>$<hash>}, so the cost can rise
 * later without breaking existing passwords.
 * <p>
 * Each hash costs a core for a fifth of a second or more, so in the running hotline they are computed in a
 * {@link WorkLane} of their own, one at a time: a burst of sign-ins waits its turn, or is refused with
 * {@link WorkLane.Busy}, and never takes the machine from the webhooks.
 */
public final class PasswordHasher {
    static final int ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Checked against when an account does not exist, so that a wrong name takes as long as a wrong password:
     * checking derives a hash at full cost whatever is stored, so this needs no real hash (computing one would
     * add a fifth of a second to every start), and no password derives to all zeros.
     */
    private static final String DECOY = PREFIX + "$" + ITERATIONS + "$" + b64(new byte[16]) + "$" + b64(new byte[32]);

    private final WorkLane lane;

    /** Hashes on the caller's thread: for commands and tests. */
    public PasswordHasher() {
        this(WorkLane.INLINE);
    }

    public PasswordHasher(WorkLane lane) {
        this.lane = lane;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PREFIX + "$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(password, salt, ITERATIONS));
    }

    public boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = derive(password, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the same time as a real check, for a name that has no account. */
    public void matchNothing(String password) {
        matches(password, DECOY);
    }

    /** @throws WorkLane.Busy when too many hashes are asked for at once */
    private byte[] derive(String password, byte[] salt, int iterations) {
        return lane.run(() -> deriveNow(password, salt, iterations));
    }

    private static byte[] deriveNow(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
