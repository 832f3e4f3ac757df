package hotline.dashboard;

import hotline.accounts.SignedIn;
import hotline.catalog.Catalog;
import hotline.web.Pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/** {@code /dashboard}: the page, the data its charts draw, and each chart's table as CSV. Staff and admins. */
public final class DashboardController {
    public static final String PAGE = "/dashboard";
    public static final String DATA = "/dashboard/data";
    public static final String CSV = "/dashboard/csv/{chart}";

    private final Reports reports;
    private final Supplier<Catalog> catalog;
    private final Clock clock;
    private final String chartScript;
    /** Counts below it are hidden in every breakdown (see {@link SmallCounts}). */
    private final int threshold;

    public DashboardController(Reports reports, Supplier<Catalog> catalog, Clock clock, int threshold) {
        this.threshold = threshold;
        this.reports = reports;
        this.catalog = catalog;
        this.clock = clock;
        this.chartScript = "/webjars/chart.js/" + chartJsVersion() + "/dist/chart.umd.min.js";
    }

    public void page(Context ctx) {
        RangeChoice choice = choice(ctx);
        if (!choice.error().isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        Pages.render(ctx, "dashboard/dashboard.jte", new DashboardPage(SignedIn.frame(ctx, "Dashboard", "dashboard")
                .withErrors(!choice.error().isEmpty()), choice, reports.build(choice.range(), choice.comparedWith()), chartScript,
                catalog.get().timeZone(), threshold));
    }

    /** What the charts draw: each chart's rows, with hidden small counts as null. */
    public void data(Context ctx) {
        RangeChoice choice = choice(ctx);
        if (!choice.error().isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", choice.error()));
            return;
        }
        Report report = reports.build(choice.range(), choice.comparedWith());
        List<Map<String, Object>> charts = new ArrayList<>();
        for (Chart chart : report.charts()) {
            List<Map<String, Object>> series = new ArrayList<>();
            for (int column = 0; column < chart.columns().size(); column++) {
                List<Long> values = new ArrayList<>();
                for (Chart.Row row : chart.rows()) {
                    values.add(row.cells().get(column).value());
                }
                series.add(Map.of("name", chart.columns().get(column), "values", values));
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", chart.id());
            json.put("title", chart.title());
            json.put("kind", chart.kind());
            json.put("labels", chart.rows().stream().map(Chart.Row::label).toList());
            if (chart.kind().equals("histogram")) {
                json.put("spans", chart.rows().stream().map(row -> row.span() == null ? null : List.of(row.span()[0], row.span()[1])).toList());
            }
            json.put("series", series);
            charts.add(json);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("first", report.range().first().toString());
        body.put("last", report.range().last().toString());
        body.put("headline", report.headline());
        body.put("charts", charts);
        ctx.json(body);
    }

    public void csv(Context ctx) {
        RangeChoice choice = choice(ctx);
        Optional<Chart> chart = reports.build(choice.range(), choice.comparedWith()).chart(ctx.pathParam("chart"));
        if (chart.isEmpty() || !choice.error().isEmpty()) {
            ctx.status(chart.isEmpty() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST).contentType("text/plain")
                    .result(chart.isEmpty() ? "There is no chart \"" + ctx.pathParam("chart") + "\"." : choice.error());
            return;
        }
        String name = chart.get().id() + "_" + choice.range().first() + "_" + choice.range().last() + ".csv";
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .result(Csv.of(chart.get(), threshold));
    }

    private RangeChoice choice(Context ctx) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), catalog.get().timeZone());
        return RangeChoice.parse(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("preset"), today);
    }

    private static String chartJsVersion() {
        Properties build = new Properties();
        try (InputStream in = DashboardController.class.getResourceAsStream("/hotline-build.properties")) {
            build.load(in);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("hotline-build.properties is missing from the build", e));
        }
        return build.getProperty("chartjs.version");
    }
}
