package hotline.dashboard;

/**
 * A headline figure for the chosen days and the same number of days just before.
 *
 * @param unit how to show it: {@code count}, {@code share} (a fraction 0 to 1) or {@code seconds}
 */
public record Figure(String title, double now, double before, String unit, boolean known) {

    public String shown() {
        return known ? format(now) : "none yet";
    }

    public String shownBefore() {
        return format(before);
    }

    /** The change against the period before, in words, such as "+12% on the 30 days before". */
    public String change() {
        if (!known || before == 0) {
            return "nothing to compare with in the days before";
        }
        if (unit.equals("share")) {
            double points = (now - before) * 100;
            long rounded = Math.round(points);
            return String.format("%+d point%s on the days before (%s)", rounded, Math.abs(rounded) == 1 ? "" : "s", format(before));
        }
        double percent = (now - before) / before * 100;
        return String.format("%+.0f%% on the days before (%s)", percent, format(before));
    }

    private String format(double value) {
        return switch (unit) {
            case "share" -> String.format("%.0f%%", value * 100);
            case "seconds" -> value >= 60 ? String.format("%d min %02d s", (long) value / 60, (long) value % 60)
                    : String.format("%d s", (long) value);
            default -> String.format("%,d", (long) value);
        };
    }
}
