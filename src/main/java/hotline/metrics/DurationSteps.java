package hotline.metrics;

import java.util.List;

/**
 * The steps call durations are counted in: fine where most calls end, coarse for long ones, so that the rollup
 * holds a histogram of a few dozen rows per hour. A step is named by its first second; 3600 holds an hour or more.
 * (The same rule is written in SQL in migration V2.)
 */
public final class DurationSteps {
    /** Every step's first second, in order. */
    public static final List<Integer> STARTS = starts();

    private DurationSteps() {
    }

    public static int stepOf(int seconds) {
        if (seconds < 60) {
            return seconds / 10 * 10;
        } else if (seconds < 180) {
            return seconds / 30 * 30;
        } else if (seconds < 600) {
            return seconds / 60 * 60;
        } else if (seconds < 1800) {
            return seconds / 300 * 300;
        } else if (seconds < 3600) {
            return seconds / 600 * 600;
        }
        return 3600;
    }

    /** The first second after the step; the last step (an hour or more) ends at 3600 as far as percentiles go. */
    public static int endOf(int start) {
        int index = STARTS.indexOf(start);
        return index + 1 < STARTS.size() ? STARTS.get(index + 1) : 3600;
    }

    private static List<Integer> starts() {
        List<Integer> starts = new java.util.ArrayList<>();
        for (int s = 0; s <= 3600; s++) {
            int step = stepOf(s);
            if (starts.isEmpty() || starts.get(starts.size() - 1) != step) {
                starts.add(step);
            }
        }
        return List.copyOf(starts);
    }
}
