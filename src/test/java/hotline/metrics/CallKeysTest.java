package hotline.metrics;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallKeysTest {
    private static final String SID = "CA0123456789abcdef0123456789abcdef";

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void oneCallOneKeyWithinADayANewKeyTheNextDay() {
        MovableClock clock = new MovableClock();
        CallKeys keys = new CallKeys(clock);
        String key = keys.keyFor(SID);
        assertEquals(key, keys.keyFor(SID));
        assertNotEquals(key, keys.keyFor("CA0123456789abcdef0123456789abcdee"));
        assertTrue(key.matches("[0-9a-f]{24}"));
        assertFalse(SID.toLowerCase().contains(key) || key.contains("0123456789abcdef"));
        clock.now.set(clock.now.get().plusSeconds(24 * 3600));
        assertNotEquals(key, keys.keyFor(SID), "the secret is replaced every day");
    }

    @Test
    void theSameCallSidGivesDifferentKeysInAnotherProcess() {
        MovableClock clock = new MovableClock();
        assertNotEquals(new CallKeys(clock).keyFor(SID), new CallKeys(clock).keyFor(SID),
                "the secret is random and never stored, so a key cannot be recomputed");
    }

    @Test
    void aMissingCallSidNeverSharesAKey() {
        CallKeys keys = new CallKeys(new MovableClock());
        assertNotEquals(keys.keyFor(null), keys.keyFor(null));
    }
}
