package hotline.catalog;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One rule of a line's weekly hours, written {@code Mon-Fri 08:00-17:00} or {@code Sat 10:00-14:00}. */
public record WeeklyPeriod(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, boolean closesAtMidnight) {
    static final String FORMAT_HINT = "write it like \"Mon-Fri 08:00-17:00\" or \"Sat 10:00-24:00\"";
    private static final Pattern SYNTAX =
            Pattern.compile("([A-Za-z]{3})(?:-([A-Za-z]{3}))?\\s+(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");
    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    public WeeklyPeriod {
        days = Set.copyOf(days);
    }

    public static WeeklyPeriod parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a weekly period; " + FORMAT_HINT);
        }
        DayOfWeek first = day(m.group(1), text);
        DayOfWeek last = m.group(2) == null ? first : day(m.group(2), text);
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d = first; ; d = d.plus(1)) {
            days.add(d);
            if (d == last) {
                break;
            }
        }
        LocalTime opens = time(m.group(3), text);
        boolean closesAtMidnight = m.group(4).equals("24:00");
        LocalTime closes = closesAtMidnight ? LocalTime.MAX : time(m.group(4), text);
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("\"" + text + "\" closes before it opens; a period ends on the day it starts ("
                    + FORMAT_HINT + ")");
        }
        return new WeeklyPeriod(days, opens, closes, closesAtMidnight);
    }

    public boolean contains(LocalDateTime local) {
        LocalTime t = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !t.isBefore(opens) && t.isBefore(closes);
    }

    private static DayOfWeek day(String name, String text) {
        int index = DAY_NAMES.indexOf(name.toLowerCase(Locale.ROOT));
        if (index < 0) {
            throw new IllegalArgumentException("\"" + name + "\" in \"" + text + "\" is not a day; use Mon, Tue, Wed, Thu, Fri, Sat or Sun");
        }
        return DayOfWeek.of(index + 1);
    }

    private static LocalTime time(String hhmm, String text) {
        try {
            return LocalTime.parse(hhmm);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + hhmm + "\" in \"" + text + "\" is not a time of day; " + FORMAT_HINT);
        }
    }
}
