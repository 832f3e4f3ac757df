package hotline.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DurationSummaryTest {
    @Test
    void stepsAreFineForShortCallsAndCoarseForLongOnes() {
        assertEquals(List.of(0, 10, 20, 30, 40, 50, 60, 90, 120, 150, 180, 240, 300, 360, 420, 480, 540, 600, 900, 1200,
                1500, 1800, 2400, 3000, 3600), DurationSteps.STARTS);
        assertEquals(50, DurationSteps.stepOf(59));
        assertEquals(60, DurationSteps.stepOf(60));
        assertEquals(3000, DurationSteps.stepOf(3599));
        assertEquals(3600, DurationSteps.stepOf(86_400));
        assertEquals(90, DurationSteps.endOf(60));
    }

    @Test
    void percentilesAreTheEndOfTheirStep() {
        DurationSummary summary = DurationSummary.of(Map.of(0, 50L, 120, 40L, 3600, 10L), 50 * 5 + 40 * 130 + 10 * 4000);
        assertEquals(100, summary.calls());
        assertEquals(10, summary.medianSeconds());
        assertEquals(150, summary.p90Seconds());
        assertEquals(3600, summary.p99Seconds());
        assertEquals(455, summary.meanSeconds());
    }

    @Test
    void noCalls() {
        DurationSummary summary = DurationSummary.of(Map.of(), 0);
        assertEquals(new DurationSummary(0, 0, 0, 0, 0, Map.of()), summary);
        assertEquals(0, summary.meanSeconds());
    }
}
