package hotline.accounts;

import hotline.db.Database;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OWASP's device cookies: a browser that has signed in to an account carries a signed cookie naming that
 * account, so that its sign-ins are throttled on their own, per device, and the guessing of anyone else (who has
 * no such cookie) cannot lock the account's owner out. The cookie proves nothing about the password; it only
 * chooses which throttle applies. Signed with a key kept in the database, so it outlives restarts.
 */
public final class DeviceCookies {
    static final String COOKIE = "hotline_device";
    static final Duration LIFETIME = Duration.ofDays(180);
    private static final String KEY_SETTING = "device_cookie_key";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final Clock clock;

    public DeviceCookies(Database database, Clock clock) {
        this.key = SecretSetting.in(database, KEY_SETTING);
        this.clock = clock;
    }

    /** A new cookie value for a browser that just signed in to {@code account}: account, device id, time, signature. */
    String issue(String account) {
        byte[] device = new byte[16];
        RANDOM.nextBytes(device);
        String signed = B64.encodeToString(Accounts.normalized(account).getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(device) + "." + clock.instant().getEpochSecond();
        return signed + "." + sign(signed);
    }

    /** The device's id, if {@code cookie} is one we issued for {@code account}, unexpired and untampered. */
    Optional<String> deviceFor(String cookie, String account) {
        if (cookie == null || cookie.length() > 400) {
            return Optional.empty();
        }
        String[] parts = cookie.split("\\.", -1);
        if (parts.length != 4 || !parts[2].matches("[0-9]{1,12}")) {
            return Optional.empty();
        }
        String signed = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(signed).getBytes(StandardCharsets.UTF_8), parts[3].getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        String named = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        long age = clock.instant().getEpochSecond() - Long.parseLong(parts[2]);
        if (!named.equals(Accounts.normalized(account)) || age < 0 || age > LIFETIME.toSeconds()) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
