package hotline.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DurationSummaryTest {
    @Test
    void percentilesAreTheTopOfTheirTenSecondStep() {
        long[] histogram = new long[361];
        histogram[0] = 50;   // 0-9 s: half of all calls
        histogram[5] = 40;   // 50-59 s
        histogram[360] = 10; // an hour or more
        DurationSummary summary = DurationSummary.of(histogram, 10, 50 * 5 + 40 * 55 + 10 * 4000);
        assertEquals(100, summary.calls());
        assertEquals(10, summary.medianSeconds());
        assertEquals(60, summary.p90Seconds());
        assertEquals(3600, summary.p99Seconds());
        assertEquals(425, summary.meanSeconds());
        assertEquals(361, summary.histogram().size());
    }

    @Test
    void noCalls() {
        DurationSummary summary = DurationSummary.of(new long[361], 10, 0);
        assertEquals(new DurationSummary(0, 0, 0, 0, 0, List.of()), summary);
        assertEquals(0, summary.meanSeconds());
    }
}
