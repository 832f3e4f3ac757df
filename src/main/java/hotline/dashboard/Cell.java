package hotline.dashboard;

/**
 * One number of a breakdown as staff may see it: the count, or, when it is small enough to point at a single
 * caller, only "fewer than 5" (and no number at all, in the page, the chart data or the CSV).
 */
public record Cell(Long value, String text) {
    public boolean hidden() {
        return value == null;
    }
}
