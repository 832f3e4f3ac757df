package hotline.metrics;

import java.security.SecureRandom;
import java.time.LocalDate;

/**
 * One instance alone (SQLite): the day's secret is made at random and kept only in this process's memory, so no
 * copy of the database or of Twilio's call records can ever lead from a key back to a call. A restart splits a call
 * in progress into two keys.
 */
final class MemorySecrets implements DailySecrets {
    private final SecureRandom random = new SecureRandom();
    /** Read by every webhook without a lock; replaced, under one, once a day. */
    private volatile Secret current;

    private record Secret(LocalDate day, byte[] bytes) {
    }

    @Override
    public byte[] forDay(LocalDate wanted) {
        Secret secret = current;
        if (secret == null || !secret.day().equals(wanted)) {
            synchronized (this) {
                if (current == null || !current.day().equals(wanted)) {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    current = new Secret(wanted, bytes);
                }
                secret = current;
            }
        }
        return secret.bytes();
    }

    @Override
    public void refresh(LocalDate today) {
        // made when first asked
    }
}
