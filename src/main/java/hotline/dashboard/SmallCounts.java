package hotline.dashboard;

/**
 * The small-count rule: in any breakdown, a count from 1 to {@code threshold - 1} is shown only as
 * "fewer than {@code threshold}", so that no single caller stands out. Zero is shown, and totals stay exact.
 */
public record SmallCounts(int threshold) {
    public static final int DEFAULT_THRESHOLD = 5;

    public Cell cell(long count) {
        if (count > 0 && count < threshold) {
            return new Cell(null, "fewer than " + threshold);
        }
        return new Cell(count, String.format("%,d", count));
    }
}
