package hotline.metrics;

import hotline.MovableClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallKeysTest {
    private static final String SID = "CA0123456789abcdef0123456789abcdef";
    private static final Instant WEDNESDAY = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void oneCallOneKeyWithinADayANewKeyTheNextDay() {
        MovableClock clock = new MovableClock(WEDNESDAY);
        CallKeys keys = new CallKeys(clock);
        String key = keys.keyFor(SID);
        assertEquals(key, keys.keyFor(SID));
        assertNotEquals(key, keys.keyFor("CA0123456789abcdef0123456789abcdee"));
        assertTrue(key.matches("[0-9a-f]{24}"));
        assertFalse(SID.toLowerCase().contains(key) || key.contains("0123456789abcdef"));
        clock.advance(Duration.ofDays(1));
        assertNotEquals(key, keys.keyFor(SID), "the secret is replaced every day");
    }

    @Test
    void theSameCallSidGivesDifferentKeysInAnotherProcess() {
        MovableClock clock = new MovableClock(WEDNESDAY);
        assertNotEquals(new CallKeys(clock).keyFor(SID), new CallKeys(clock).keyFor(SID),
                "the secret is random and never stored, so a key cannot be recomputed");
    }

    @Test
    void aMissingCallSidNeverSharesAKey() {
        CallKeys keys = new CallKeys(new MovableClock(WEDNESDAY));
        assertNotEquals(keys.keyFor(null), keys.keyFor(null));
    }
}
