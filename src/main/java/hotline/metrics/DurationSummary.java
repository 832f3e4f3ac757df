package hotline.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * How long calls lasted. Durations are counted in 10-second steps, so a percentile is the upper end of the step
 * it falls in ("half of all calls ended within 90 seconds"); an hour or more counts as 3600.
 *
 * @param histogram calls per step: index i holds calls of {@code i*10} to {@code i*10+9} seconds
 */
public record DurationSummary(long calls, long totalSeconds, int medianSeconds, int p90Seconds, int p99Seconds,
                              List<Long> histogram) {

    static DurationSummary of(long[] histogram, int secondsPerStep, long totalSeconds) {
        long calls = 0;
        for (long count : histogram) {
            calls += count;
        }
        int last = histogram.length - 1;
        while (last > 0 && histogram[last] == 0) {
            last--;
        }
        List<Long> trimmed = new ArrayList<>();
        for (int i = 0; i <= last && calls > 0; i++) {
            trimmed.add(histogram[i]);
        }
        return new DurationSummary(calls, totalSeconds, percentile(histogram, calls, 0.5, secondsPerStep),
                percentile(histogram, calls, 0.9, secondsPerStep), percentile(histogram, calls, 0.99, secondsPerStep),
                List.copyOf(trimmed));
    }

    public int meanSeconds() {
        return calls == 0 ? 0 : (int) Math.round((double) totalSeconds / calls);
    }

    private static int percentile(long[] histogram, long calls, double fraction, int secondsPerStep) {
        if (calls == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(fraction * calls);
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= rank) {
                return i == histogram.length - 1 ? i * secondsPerStep : (i + 1) * secondsPerStep;
            }
        }
        return (histogram.length - 1) * secondsPerStep;
    }
}
