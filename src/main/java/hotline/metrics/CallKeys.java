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
 * at random, kept only in memory, and replaced every day (UTC). Neither the database nor Twilio's call records
 * can lead back from a key to a call. A restart or a new day splits a call in progress into two keys.
 */
final class CallKeys {
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile DailySecret secret;
    /** One Mac per thread, keyed with the day's secret: looking one up and keying it costs more than using it. */
    private final ThreadLocal<KeyedMac> macs = ThreadLocal.withInitial(KeyedMac::new);

    private record DailySecret(LocalDate day, SecretKeySpec key) {
    }

    CallKeys(Clock clock) {
        this.clock = clock;
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

    private DailySecret todaysSecret() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        DailySecret current = secret;
        if (current == null || !current.day().equals(today)) {
            synchronized (this) {
                if (secret == null || !secret.day().equals(today)) {
                    secret = new DailySecret(today, new SecretKeySpec(randomBytes(), "HmacSHA256"));
                }
                current = secret;
            }
        }
        return current;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }
}
