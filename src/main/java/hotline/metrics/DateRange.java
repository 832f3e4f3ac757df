package hotline.metrics;

import java.time.LocalDate;
import java.time.ZoneId;

/** Whole days, first to last inclusive, in the hotline's time zone. */
public record DateRange(LocalDate first, LocalDate last) {
    public DateRange {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("a date range ends on or after its first day: " + first + " to " + last);
        }
    }

    public static DateRange day(LocalDate day) {
        return new DateRange(day, day);
    }

    /** The first hour of the range, in hours since 1970-01-01 UTC, as the rollup counts them. */
    long firstHour(ZoneId zone) {
        return first.atStartOfDay(zone).toEpochSecond() / 3600;
    }

    /** The hour just after the range. */
    long endHour(ZoneId zone) {
        return last.plusDays(1).atStartOfDay(zone).toEpochSecond() / 3600;
    }

    public long days() {
        return last.toEpochDay() - first.toEpochDay() + 1;
    }
}
