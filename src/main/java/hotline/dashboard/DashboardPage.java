package hotline.dashboard;

import hotline.web.Frame;

/** The dashboard page: the days chosen, their report, and where the chart library is served from. */
public record DashboardPage(Frame frame, RangeChoice choice, Report report, String chartScript) {
    public boolean long_(Chart chart) {
        return chart.rows().size() > 31;
    }
}
