package hotline.metrics;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns Twilio's CallSid into a key that links one call's events and nothing else: an HMAC whose secret is made
 * at random and replaced every day (UTC). Where the secret is kept is {@link DailySecrets}'s business: in memory
 * only, for one instance alone; in the database for the day, for several instances sharing it. Once the day is
 * over, neither the database nor Twilio's call records can lead back from a key to a call. A new day splits a call
 * in progress into two keys.
 */
final class CallKeys {
    private final Clock clock;
    private final DailySecrets secrets;
    private final SecureRandom random = new SecureRandom();
    private volatile DailySecret secret;
    /** One Mac per thread, keyed with the day's secret: looking one up and keying it costs more than using it. */
    private final ThreadLocal<KeyedMac> macs = ThreadLocal.withInitial(KeyedMac::new);

    private record DailySecret(LocalDate day, byte[] bytes, SecretKeySpec key) {
    }

    CallKeys(Clock clock) {
        this(clock, new MemorySecrets());
    }

    CallKeys(Clock clock, DailySecrets secrets) {
        this.clock = clock;
        this.secrets = secrets;
    }

    /** Fetches ahead the secrets that come from elsewhere; on the event writer's thread, never a webhook's. */
    void refresh() {
        secrets.refresh(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    String keyFor(String callSid) {
        byte[] input = callSid == null || callSid.isEmpty() ? randomBytes() : callSid.getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(macs.get().with(todaysSecret()).doFinal(input), 0, 12);
    }

    private static final class KeyedMac {
        private final Mac mac;
        private DailySecret keyedWith;

        KeyedMac() {
            try {
                mac = Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        }

        Mac with(DailySecret secret) {
            if (keyedWith != secret) {
                try {
                    mac.init(secret.key());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("an HmacSHA256 key of 32 random bytes is always valid", e);
                }
                keyedWith = secret;
            }
            return mac;
        }
    }

    /** Today's secret; asked again only when the day changes or a shared secret replaces a stand-in. */
    private DailySecret todaysSecret() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        byte[] bytes = secrets.forDay(today);
        DailySecret current = secret;
        if (current == null || !current.day().equals(today) || current.bytes() != bytes) {
            current = new DailySecret(today, bytes, new SecretKeySpec(bytes, "HmacSHA256"));
            secret = current;
        }
        return current;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }
}
