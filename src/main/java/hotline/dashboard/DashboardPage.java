package hotline.dashboard;

import hotline.web.Dates;
import hotline.web.Frame;

import java.time.ZoneId;

/**
 * The dashboard page: the days chosen, their report, where the chart library is served from, the time zone days are
 * counted in, and the small-count threshold.
 */
public record DashboardPage(Frame frame, RangeChoice choice, Report report, String chartScript, ZoneId zone, int threshold) {
    public boolean long_(Chart chart) {
        return chart.rows().size() > 31;
    }

    public String first() {
        return Dates.date(report.range().first());
    }

    public String last() {
        return Dates.date(report.range().last());
    }

    public String zoneName() {
        return Dates.zoneName(zone);
    }

    /** A label for a chart's picture: what it shows, and where its numbers are. */
    public String picture(Chart chart) {
        return chart.title() + ": a chart; the table below it has every number";
    }
}
