package hotline.dashboard;

import hotline.metrics.DateRange;

import java.util.List;
import java.util.Optional;

/** Everything the dashboard shows for a range of days: the headline figures and every chart with its table. */
public record Report(DateRange range, DateRange previous, List<Figure> headline, List<Chart> charts) {
    public Optional<Chart> chart(String id) {
        return charts.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
