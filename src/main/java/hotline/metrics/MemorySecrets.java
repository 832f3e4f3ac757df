package hotline.metrics;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One instance alone (SQLite): the day's secret is made at random and kept only in this process's memory, so no
 * copy of the database or of Twilio's call records can ever lead from a key back to a call. A restart splits a call
 * in progress into two keys.
 */
final class MemorySecrets implements DailySecrets {
    private final SecureRandom random = new SecureRandom();
    private LocalDate day;
    private byte[] secret;

    @Override
    public synchronized Optional<byte[]> forDay(LocalDate wanted) {
        if (!wanted.equals(day)) {
            day = wanted;
            secret = new byte[32];
            random.nextBytes(secret);
        }
        return Optional.of(secret);
    }

    @Override
    public void refresh(LocalDate today) {
        // made when first asked
    }
}
