package hotline.dashboard;

import hotline.metrics.DateRange;
import hotline.web.Dates;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;

/**
 * The days the dashboard shows, from the page's form: a preset (today, 7, 30 or 90 days, this year) or two dates.
 * Anything else falls back to the last 30 days, with a message saying why.
 *
 * @param today the hotline's today, so that days after it can be called days that have not happened yet
 */
public record RangeChoice(DateRange range, String preset, String error, LocalDate today) {
    static final int MAXIMUM_DAYS = 3 * 366;

    public static RangeChoice parse(String from, String to, String preset, LocalDate today) {
        if (preset != null && !preset.isBlank()) {
            return switch (preset) {
                case "today" -> new RangeChoice(DateRange.day(today), preset, "", today);
                case "7" -> new RangeChoice(new DateRange(today.minusDays(6), today), preset, "", today);
                case "90" -> new RangeChoice(new DateRange(today.minusDays(89), today), preset, "", today);
                case "year" -> new RangeChoice(new DateRange(today.withDayOfYear(1), today), preset, "", today);
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
            return lastThirtyDays(today, "Choose a first and a last day, like " + Dates.date(today.withDayOfMonth(1)) + " and "
                    + Dates.date(today) + ".");
        }
        if (last.isBefore(first)) {
            return lastThirtyDays(today, "The last day comes before the first.");
        }
        if (last.toEpochDay() - first.toEpochDay() >= MAXIMUM_DAYS) {
            return lastThirtyDays(today, "Choose at most three years at a time.");
        }
        return new RangeChoice(new DateRange(first, last), "", "", today);
    }

    private static RangeChoice lastThirtyDays(LocalDate today, String error) {
        return new RangeChoice(new DateRange(today.minusDays(29), today), "30", error, today);
    }

    /** The query string that shows the same days again, for links to the data and the CSV files. */
    public String query() {
        return "from=" + range.first() + "&to=" + range.last();
    }

    /** "1 day", "30 days". */
    public String days() {
        return range.days() == 1 ? "1 day" : range.days() + " days";
    }

    /** "the day before", "the 30 days before". */
    public String daysBefore() {
        long days = comparedWith().days();
        return days == 1 ? "the day before" : "the " + days + " days before";
    }

    /**
     * The days the figures are compared with: as many, just before the range, as the range has days that happened.
     * A range that runs past today would otherwise set a few days of calls against a whole period of them.
     */
    public DateRange comparedWith() {
        long happened = range.first().isAfter(today) ? range.days()
                : Math.min(range.days(), ChronoUnit.DAYS.between(range.first(), today) + 1);
        return new DateRange(range.first().minusDays(happened), range.first().minusDays(1));
    }

    /** For days that have not happened yet, a sentence that says so; otherwise empty. */
    public String future() {
        if (range.first().isAfter(today)) {
            return "These days have not happened yet (today is " + Dates.date(today) + "), so there are no calls to show.";
        }
        if (range.last().isAfter(today)) {
            return "The days after today, " + Dates.date(today) + ", have not happened yet: they have no calls.";
        }
        return "";
    }

    /** The mark on the preset chosen: {@code true} (for aria-current) or null. */
    public String current(String name) {
        return preset.equals(name) ? "true" : null;
    }
}
