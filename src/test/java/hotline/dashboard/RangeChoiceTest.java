package hotline.dashboard;

import hotline.metrics.DateRange;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The days the dashboard's headline figures are compared with. */
class RangeChoiceTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void aRangeThatHappenedIsComparedWithAsManyDaysJustBefore() {
        RangeChoice choice = RangeChoice.parse(null, null, "30", TODAY);
        assertEquals(new DateRange(LocalDate.of(2026, 10, 4), LocalDate.of(2026, 11, 2)), choice.comparedWith());
        assertEquals("the 30 days before", choice.daysBefore());
    }

    @Test
    void aRangeThatRunsPastTodayIsComparedOnlyWithAsManyDaysAsHaveHappened() {
        // December so far: 2 days of calls, set against the 2 days before, not against all of November.
        RangeChoice choice = RangeChoice.parse("2026-12-01", "2026-12-31", null, TODAY);
        assertEquals(new DateRange(LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 30)), choice.comparedWith());
        assertEquals("the 2 days before", choice.daysBefore());
    }

    @Test
    void aRangeThatStartsTodayIsComparedWithTheDayBefore() {
        RangeChoice choice = RangeChoice.parse("2026-12-02", "2027-03-01", null, TODAY);
        assertEquals(DateRange.day(LocalDate.of(2026, 12, 1)), choice.comparedWith());
        assertEquals("the day before", choice.daysBefore());
    }
}
