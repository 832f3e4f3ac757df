package hotline.dashboard;

import hotline.catalog.Catalog;
import hotline.catalog.Language;
import hotline.catalog.LanguageNames;
import hotline.catalog.ResourceLine;
import hotline.metrics.CallEvent;
import hotline.metrics.CallStatistics;
import hotline.metrics.CallStatistics.TransferCount;
import hotline.metrics.DateRange;
import hotline.metrics.DurationSteps;
import hotline.metrics.DurationSummary;
import hotline.web.Dates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Builds the dashboard's figures from the call statistics, applying the small-count rule to every breakdown. */
public final class Reports {
    private static final Map<String, String> MAIN_MENU = new LinkedHashMap<>();
    private static final Map<String, String> OUTCOMES = new LinkedHashMap<>();

    static {
        MAIN_MENU.put("facts", "Facts about trafficking");
        MAIN_MENU.put("about", "What trafficking is");
        MAIN_MENU.put("services", "Services for victims");
        MAIN_MENU.put("reporting", "How to report");
        MAIN_MENU.put("lines", "Phone numbers");
        MAIN_MENU.put("speak_now", "Speak with someone now");
        OUTCOMES.put("connected", "Connected");
        OUTCOMES.put("busy", "Busy");
        OUTCOMES.put("no_answer", "No answer");
        OUTCOMES.put("failed", "Failed");
    }

    private final CallStatistics statistics;
    private final Supplier<Catalog> catalog;
    private final SmallCounts rule;

    public Reports(CallStatistics statistics, Supplier<Catalog> catalog, SmallCounts rule) {
        this.statistics = statistics;
        this.catalog = catalog;
        this.rule = rule;
    }

    /** @param previous the days the headline figures are compared with ({@link RangeChoice#comparedWith()}) */
    public Report build(DateRange range, DateRange previous) {
        List<Chart> charts = List.of(callsPerDay(range), weekdayAndHour(range), languages(range), mainMenu(range),
                transfers(range), dropOffs(range), durations(range));
        return new Report(range, previous, headline(range, previous), charts);
    }

    private List<Figure> headline(DateRange range, DateRange previous) {
        Totals now = totals(range);
        Totals before = totals(previous);
        return List.of(
                new Figure("Calls", now.calls, before.calls, "count", true),
                new Figure("Transferred to a line", share(now.transferred, now.calls), share(before.transferred, before.calls),
                        "share", now.calls > 0),
                new Figure("Transfers that connected", share(now.connected, now.transferred),
                        share(before.connected, before.transferred), "share", now.transferred > 0),
                new Figure("Median call length", now.durations.medianSeconds(), before.durations.medianSeconds(), "seconds",
                        now.durations.calls() > 0));
    }

    private record Totals(long calls, long transferred, long connected, DurationSummary durations) {
    }

    private Totals totals(DateRange range) {
        long transferred = statistics.transferAttempts(range).stream().filter(t -> t.outcome().equals("first_choice"))
                .mapToLong(TransferCount::count).sum();
        long connected = statistics.transfers(range).stream().filter(t -> t.outcome().equals("connected"))
                .mapToLong(TransferCount::count).sum();
        return new Totals(statistics.callsStarted(range), transferred, connected, statistics.durations(range));
    }

    private Chart callsPerDay(DateRange range) {
        Map<LocalDate, Long> byDay = new LinkedHashMap<>();
        statistics.callsPerDay(range).forEach(day -> byDay.put(day.day(), day.calls()));
        List<Chart.Row> rows = new ArrayList<>();
        for (LocalDate day = range.first(); !day.isAfter(range.last()); day = day.plusDays(1)) {
            rows.add(new Chart.Row(Dates.date(day), List.of(rule.cell(byDay.getOrDefault(day, 0L))), null, day.toString()));
        }
        return new Chart("calls_per_day", "Calls per day", "Calls that reached the hotline, by day.", "line", "Day",
                List.of("Calls"), rows);
    }

    private Chart weekdayAndHour(DateRange range) {
        long[][] cells = statistics.callsByWeekdayAndHour(range);
        List<String> hours = new ArrayList<>();
        for (int hour = 0; hour < 24; hour++) {
            hours.add(String.format("%02d", hour));
        }
        List<Chart.Row> rows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Cell> row = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                row.add(rule.cell(cells[day.getValue() - 1][hour]));
            }
            rows.add(new Chart.Row(day.getDisplayName(TextStyle.FULL, Locale.US), row));
        }
        return new Chart("calls_by_weekday_and_hour", "When people call",
                "Calls by day of the week and hour of the day (" + Dates.zoneName(catalog.get().timeZone()) + "). The darker the"
                        + " square, the more calls; a hatched square is fewer than " + rule.threshold() + " calls.", "heatmap", "Day",
                hours, rows);
    }

    private Chart languages(DateRange range) {
        Map<String, Long> byLanguage = statistics.callsByLanguage(range);
        long started = statistics.callsStarted(range);
        Set<String> codes = new LinkedHashSet<>(catalog.get().languages().stream().map(Language::code).toList());
        codes.addAll(byLanguage.keySet());
        List<Chart.Row> rows = new ArrayList<>();
        long chosen = 0;
        for (String code : codes) {
            long count = byLanguage.getOrDefault(code, 0L);
            chosen += count;
            rows.add(new Chart.Row(languageName(code), List.of(rule.cell(count))));
        }
        rows.add(new Chart.Row("No language chosen", List.of(rule.cell(Math.max(0, started - chosen)))));
        return new Chart("calls_by_language", "Calls by language", "The language chosen in the language menu "
                + "(or given to callers who pressed nothing).", "bar", "Language", List.of("Calls"), rows);
    }

    private Chart mainMenu(DateRange range) {
        Map<String, Long> options = statistics.optionsChosen(range);
        List<Chart.Row> rows = new ArrayList<>();
        MAIN_MENU.forEach((choice, label) -> rows.add(new Chart.Row(label, List.of(rule.cell(options.getOrDefault("main/" + choice, 0L))))));
        return new Chart("main_menu_choices", "Main-menu choices", "How often each option of the main menu was chosen.",
                "bar", "Option", List.of("Times chosen"), rows);
    }

    private Chart transfers(DateRange range) {
        Map<String, Map<String, Long>> byLine = new LinkedHashMap<>();
        catalog.get().lines().forEach(line -> byLine.put(line.id(), new LinkedHashMap<>()));
        for (TransferCount count : statistics.transfers(range)) {
            byLine.computeIfAbsent(count.line(), id -> new LinkedHashMap<>()).merge(count.outcome(), count.count(), Long::sum);
        }
        List<Chart.Row> rows = new ArrayList<>();
        byLine.forEach((id, outcomes) -> {
            if (outcomes.values().stream().mapToLong(Long::longValue).sum() > 0) {
                List<Cell> cells = OUTCOMES.keySet().stream().map(o -> rule.cell(outcomes.getOrDefault(o, 0L))).toList();
                rows.add(new Chart.Row(lineName(id), cells));
            }
        });
        return new Chart("transfers_by_line", "Transfers by line", "Each transfer to a line, and how it ended.", "stacked",
                "Line", List.copyOf(OUTCOMES.values()), rows);
    }

    private Chart dropOffs(DateRange range) {
        long inLanguageMenu = 0;
        long afterBadInput = 0;
        for (Map.Entry<String, Long> ended : statistics.callsEndedWhere(range).entrySet()) {
            String[] where = ended.getKey().split("/", 2);
            if (where[0].equals("language")) {
                inLanguageMenu += ended.getValue();
            } else if (where.length > 1 && (where[1].equals("invalid_input") || where[1].equals("no_input"))) {
                afterBadInput += ended.getValue();
            }
        }
        return new Chart("hang_ups", "Where callers hung up", "Calls that ended in the language menu, and calls that "
                + "ended right after a wrong key or no key in another menu.", "bar", "Where", List.of("Calls"), List.of(
                new Chart.Row("In the language menu", List.of(rule.cell(inLanguageMenu))),
                new Chart.Row("After a wrong key or no key", List.of(rule.cell(afterBadInput)))));
    }

    /**
     * Calls by length, in the steps the rollup counts them in (10 seconds under a minute, up to 10 minutes over half an
     * hour). The steps differ in width, so the chart draws each as wide as the time it covers: a 5-minute step with as
     * many calls as a 1-minute step is a fifth as tall, and the chart's area, not its height, counts calls.
     */
    private Chart durations(DateRange range) {
        Map<Integer, Long> histogram = statistics.durations(range).histogram();
        List<Chart.Row> rows = new ArrayList<>();
        for (int start : DurationSteps.STARTS) {
            String label = start == 3600 ? "1 h or more" : minutesAndSeconds(start) + "–" + minutesAndSeconds(DurationSteps.endOf(start));
            rows.add(new Chart.Row(label, List.of(rule.cell(histogram.getOrDefault(start, 0L))),
                    start == 3600 ? null : new int[]{start, DurationSteps.endOf(start)}));
        }
        return new Chart("call_durations", "How long calls last", "Calls by length, from the call's start to its end. Short"
                + " calls are counted in steps of 10 seconds, long ones in steps of up to 10 minutes: each bar is as wide as its"
                + " step, and its height is calls per minute of length, so that wide steps do not tower over narrow ones. The"
                + " table has the counts.", "histogram", "Length", List.of("Calls"), rows);
    }

    private String languageName(String code) {
        if (code.equals(CallEvent.OTHER_LANGUAGE)) {
            return "Another language (the line with interpreters)";
        }
        return catalog.get().language(code).map(Language::name).orElse(LanguageNames.english(code, null));
    }

    private String lineName(String id) {
        Catalog current = catalog.get();
        return current.line(id).map(ResourceLine::names).map(names -> names.getOrDefault(current.defaultLanguage(), id)).orElse(id);
    }

    private static String minutesAndSeconds(int seconds) {
        return seconds < 60 ? seconds + " s" : seconds % 60 == 0 ? seconds / 60 + " min" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
