package hotline.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The one way pages write dates and times ("Dec 1, 2026", "Dec 1, 2026, 2:05 PM"), and the name of the time zone they
 * are in ("Pacific Time"), so that no reader has to guess which clock a time was read from. CSV files keep ISO dates,
 * which spreadsheets read as dates.
 */
public final class Dates {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a", Locale.US);

    private Dates() {
    }

    public static String date(LocalDate day) {
        return DATE.format(day);
    }

    /** A moment as people read it in {@code zone}, without the zone's name (pages name it once, in a heading or a sentence). */
    public static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    /** A moment with its zone named: "Dec 1, 2026, 2:05 PM Pacific Time". */
    public static String dateTimeInZone(Instant instant, ZoneId zone) {
        return dateTime(instant, zone) + " " + zoneName(zone);
    }

    /** "Pacific Time" for America/Los_Angeles: the name people use, the same in summer and winter. */
    public static String zoneName(ZoneId zone) {
        return zone.getDisplayName(TextStyle.FULL, Locale.US);
    }
}
