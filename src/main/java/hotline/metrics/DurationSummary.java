package hotline.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * How long calls lasted. Durations are counted in steps ({@link DurationSteps}), so a percentile is the end of
 * the step it falls in ("half of all calls ended within 2 minutes"); an hour or more counts as 3600 seconds.
 *
 * @param histogram calls per step, by the step's first second
 */
public record DurationSummary(long calls, long totalSeconds, int medianSeconds, int p90Seconds, int p99Seconds,
                              Map<Integer, Long> histogram) {

    static DurationSummary of(Map<Integer, Long> histogram, long totalSeconds) {
        TreeMap<Integer, Long> steps = new TreeMap<>(histogram);
        steps.values().removeIf(count -> count == 0);
        long calls = steps.values().stream().mapToLong(Long::longValue).sum();
        return new DurationSummary(calls, totalSeconds, percentile(steps, calls, 0.5), percentile(steps, calls, 0.9),
                percentile(steps, calls, 0.99), Map.copyOf(steps));
    }

    public int meanSeconds() {
        return calls == 0 ? 0 : (int) Math.round((double) totalSeconds / calls);
    }

    private static int percentile(TreeMap<Integer, Long> steps, long calls, double fraction) {
        long rank = (long) Math.ceil(fraction * calls);
        long seen = 0;
        for (Map.Entry<Integer, Long> step : steps.entrySet()) {
            seen += step.getValue();
            if (seen >= rank) {
                return DurationSteps.endOf(step.getKey());
            }
        }
        return 0;
    }
}
