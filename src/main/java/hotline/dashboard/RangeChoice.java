package hotline.dashboard;

import hotline.metrics.DateRange;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The days the dashboard shows, from the page's form: a preset (today, 7 days, 30 days, this year) or two dates.
 * Anything else falls back to the last 30 days, with a message saying why.
 */
public record RangeChoice(DateRange range, String preset, String error) {
    static final int MAXIMUM_DAYS = 3 * 366;

    public static RangeChoice parse(String from, String to, String preset, LocalDate today) {
        if (preset != null && !preset.isBlank()) {
            return switch (preset) {
                case "today" -> new RangeChoice(DateRange.day(today), preset, "");
                case "7" -> new RangeChoice(new DateRange(today.minusDays(6), today), preset, "");
                case "year" -> new RangeChoice(new DateRange(today.withDayOfYear(1), today), preset, "");
                default -> lastThirtyDays(today, preset.equals("30") ? "" : "\"" + preset + "\" is not one of the choices.");
            };
        }
        if (from == null && to == null) {
            return lastThirtyDays(today, "");
        }
        LocalDate first;
        LocalDate last;
        try {
            first = LocalDate.parse(from == null ? "" : from);
            last = LocalDate.parse(to == null ? "" : to);
        } catch (DateTimeParseException e) {
            return lastThirtyDays(today, "Choose a first and a last day, like 2026-11-01 and 2026-11-30.");
        }
        if (last.isBefore(first)) {
            return lastThirtyDays(today, "The last day comes before the first.");
        }
        if (last.toEpochDay() - first.toEpochDay() >= MAXIMUM_DAYS) {
            return lastThirtyDays(today, "Choose at most three years at a time.");
        }
        return new RangeChoice(new DateRange(first, last), "", "");
    }

    private static RangeChoice lastThirtyDays(LocalDate today, String error) {
        return new RangeChoice(new DateRange(today.minusDays(29), today), "30", error);
    }

    /** The query string that shows the same days again, for links to the data and the CSV files. */
    public String query() {
        return "from=" + range.first() + "&to=" + range.last();
    }
}
