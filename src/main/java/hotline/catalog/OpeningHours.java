package hotline.catalog;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * When a resource line answers. A line says it is open 24 hours, or lists weekly periods and closed dates,
 * or says nothing (its hours are not known, so it is always offered and failover covers a closed office).
 */
public record OpeningHours(boolean openAllDay, List<WeeklyPeriod> weekly, Set<LocalDate> closedDates) {
    public static final OpeningHours TWENTY_FOUR_SEVEN = new OpeningHours(true, List.of(), Set.of());

    public OpeningHours {
        weekly = List.copyOf(weekly);
        closedDates = Set.copyOf(closedDates);
    }

    public boolean isOpenAt(LocalDateTime local) {
        if (openAllDay) {
            return true;
        }
        if (closedDates.contains(local.toLocalDate())) {
            return false;
        }
        return weekly.isEmpty() || weekly.stream().anyMatch(period -> period.contains(local));
    }
}
