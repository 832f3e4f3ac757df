package hotline.catalog;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeeklyPeriodTest {
    private static final LocalDateTime FRIDAY_NOON = LocalDateTime.of(2026, 12, 4, 12, 0);

    @Test
    void aRangeOfDaysAndTimes() {
        WeeklyPeriod weekdays = WeeklyPeriod.parse("Mon-Fri 08:00-17:00");
        assertTrue(weekdays.contains(FRIDAY_NOON));
        assertTrue(weekdays.contains(FRIDAY_NOON.withHour(8)), "opening time is open");
        assertFalse(weekdays.contains(FRIDAY_NOON.withHour(17)), "closing time is closed");
        assertFalse(weekdays.contains(FRIDAY_NOON.plusDays(1)), "Saturday");
    }

    @Test
    void rangesMayWrapThroughTheWeekAndRunToMidnight() {
        WeeklyPeriod weekend = WeeklyPeriod.parse("Sat-Mon 20:00-24:00");
        assertTrue(weekend.contains(FRIDAY_NOON.plusDays(3).withHour(23).withMinute(59)), "Monday night");
        assertFalse(weekend.contains(FRIDAY_NOON.withHour(23)), "Friday");
    }

    @Test
    void badPeriodsExplainTheFormat() {
        for (String bad : new String[]{"weekdays", "Mon-Fri 8-5", "Mon-Fri 09:00-08:00", "Mon 25:00-26:00", "Mun 08:00-09:00"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> WeeklyPeriod.parse(bad));
            assertTrue(error.getMessage().contains(bad) || error.getMessage().contains("Mun"), error.getMessage());
        }
    }

    @Test
    void closedDatesWinOverWeeklyHoursAndLinesWithoutHoursAreAlwaysOffered() {
        OpeningHours hours = new OpeningHours(false, List.of(WeeklyPeriod.parse("Mon-Fri 08:00-17:00")),
                Set.of(LocalDate.of(2026, 12, 4)));
        assertFalse(hours.isOpenAt(FRIDAY_NOON));
        assertTrue(hours.isOpenAt(FRIDAY_NOON.minusDays(1)));
        assertTrue(new OpeningHours(false, List.of(), Set.of()).isOpenAt(FRIDAY_NOON.withHour(3)));
        assertTrue(OpeningHours.TWENTY_FOUR_SEVEN.isOpenAt(FRIDAY_NOON.withHour(3)));
    }
}
