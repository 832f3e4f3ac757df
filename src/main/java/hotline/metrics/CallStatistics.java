package hotline.metrics;

import hotline.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Answers how the line is used, for a range of days in the hotline's time zone. Reads only the rollups (the
 * daily one, except for per-hour figures), so its cost depends on the length of the range, not on the calls.
 */
public final class CallStatistics {
    private final Database database;
    /** The hotline's time zone, the published content's: days and hours are its. */
    private final Supplier<ZoneId> zone;

    public CallStatistics(Database database, Supplier<ZoneId> zone) {
        this.database = database;
        this.zone = zone;
    }

    /** The two rollups: by hour (UTC hours, labelled in local time) and by local day. */
    private enum Grain {
        HOURLY("event_rollup", "hour"), DAILY("event_rollup_daily", "day");

        final String table;
        final String column;

        Grain(String table, String column) {
            this.table = table;
            this.column = column;
        }

        long first(DateRange range, ZoneId zone) {
            return this == HOURLY ? range.firstHour(zone) : range.first().toEpochDay();
        }

        long end(DateRange range, ZoneId zone) {
            return this == HOURLY ? range.endHour(zone) : range.last().toEpochDay() + 1;
        }

        LocalDateTime label(long time, ZoneId zone) {
            return this == HOURLY ? LocalDateTime.ofInstant(Instant.ofEpochSecond(time * 3600), zone)
                    : LocalDate.ofEpochDay(time).atStartOfDay();
        }
    }

    /** Calls started per day; with, by language, how many chose each one. */
    public List<Calls> callsPerDay(DateRange range) {
        return calls(range, Grain.DAILY);
    }

    /** Calls started per hour, each hour labelled with its local start time. */
    public List<Calls> callsPerHour(DateRange range) {
        return calls(range, Grain.HOURLY);
    }

    public Map<String, Long> callsByLanguage(DateRange range) {
        return counts(range, EventKind.LANGUAGE_CHOSEN.stored(), "language");
    }

    /** Each option chosen, by the menu it was chosen in; keys read {@code menu/choice}, such as {@code main/facts}. */
    public Map<String, Long> optionsChosen(DateRange range) {
        return counts(range, EventKind.OPTION_CHOSEN.stored(), "menu || '/' || choice");
    }

    /** Transfers by line, then by outcome (connected, busy, no_answer, failed), with connected talk time. */
    public List<TransferCount> transfers(DateRange range) {
        List<TransferCount> transfers = new ArrayList<>();
        for (Row row : query(range, EventKind.TRANSFER_OUTCOME.stored(), List.of("line", "outcome"))) {
            transfers.add(new TransferCount(row.dimension(0), row.dimension(1), row.count(), row.seconds()));
        }
        return transfers;
    }

    /** Transfer attempts by line, split into the caller's own choice and failovers from another line. */
    public List<TransferCount> transferAttempts(DateRange range) {
        List<TransferCount> attempts = new ArrayList<>();
        for (Row row : query(range, EventKind.TRANSFER_ATTEMPTED.stored(),
                List.of("line", "CASE WHEN failover = 1 THEN 'failover' ELSE 'first_choice' END"))) {
            attempts.add(new TransferCount(row.dimension(0), row.dimension(1), row.count(), 0));
        }
        return attempts;
    }

    /** Ended calls by the last menu they reached: where callers hang up. */
    public Map<String, Long> callsEndedByLastMenu(DateRange range) {
        return counts(range, EventKind.CALL_ENDED.stored(), "menu");
    }

    public long callsEndedInLanguageMenu(DateRange range) {
        return callsEndedByLastMenu(range).getOrDefault(CallEvent.LANGUAGE_MENU, 0L);
    }

    /** Invalid and missing input, by menu: {@code invalid_input/main}, {@code no_input/lines}... */
    public Map<String, Long> inputProblems(DateRange range) {
        Map<String, Long> problems = new TreeMap<>();
        for (EventKind kind : List.of(EventKind.INVALID_INPUT, EventKind.NO_INPUT)) {
            counts(range, kind.stored(), "menu").forEach((menu, count) -> problems.put(kind.stored() + "/" + menu, count));
        }
        return problems;
    }

    /** Ended calls by what happened last before they ended: {@code invalid_input}, {@code option_chosen}... */
    public Map<String, Long> callsEndedByLastEvent(DateRange range) {
        return counts(range, EventKind.CALL_ENDED.stored(), "choice");
    }

    /** Ended calls by the last menu reached and what happened last: {@code language/no_input}, {@code main/invalid_input}... */
    public Map<String, Long> callsEndedWhere(DateRange range) {
        return counts(range, EventKind.CALL_ENDED.stored(), "menu || '/' || choice");
    }

    public long callsStarted(DateRange range) {
        return query(range, EventKind.CALL_STARTED.stored(), List.of()).stream().mapToLong(Row::count).sum();
    }

    /** Calls started, by local day of the week (Monday first) and hour of the day: {@code [7][24]}. */
    public long[][] callsByWeekdayAndHour(DateRange range) {
        ZoneId zone = this.zone.get();
        long[][] cells = new long[7][24];
        for (Row row : query(range, EventKind.CALL_STARTED.stored(), List.of(), Grain.HOURLY, true)) {
            LocalDateTime local = Grain.HOURLY.label(row.time(), zone);
            cells[local.getDayOfWeek().getValue() - 1][local.getHour()] += row.count();
        }
        return cells;
    }

    public DurationSummary durations(DateRange range) {
        Map<Integer, Long> histogram = new TreeMap<>();
        long seconds = 0;
        for (Row row : query(range, Rollup.CALL_DURATION, List.of("seconds_bucket"))) {
            histogram.merge(Integer.parseInt(row.dimension(0)), row.count(), Long::sum);
            seconds += row.seconds();
        }
        return DurationSummary.of(histogram, seconds);
    }

    private List<Calls> calls(DateRange range, Grain grain) {
        ZoneId zone = this.zone.get();
        Map<LocalDateTime, long[]> started = new TreeMap<>();
        Map<LocalDateTime, Map<String, Long>> languages = new TreeMap<>();
        for (Row row : query(range, EventKind.CALL_STARTED.stored(), List.of(), grain, true)) {
            started.computeIfAbsent(grain.label(row.time(), zone), k -> new long[1])[0] += row.count();
        }
        for (Row row : query(range, EventKind.LANGUAGE_CHOSEN.stored(), List.of("language"), grain, true)) {
            languages.computeIfAbsent(grain.label(row.time(), zone), k -> new TreeMap<>())
                    .merge(row.dimension(0), row.count(), Long::sum);
        }
        List<Calls> calls = new ArrayList<>();
        for (LocalDateTime at : union(started.keySet(), languages.keySet())) {
            calls.add(new Calls(at, started.getOrDefault(at, new long[1])[0], languages.getOrDefault(at, Map.of())));
        }
        return calls;
    }

    private static List<LocalDateTime> union(Set<LocalDateTime> a, Set<LocalDateTime> b) {
        TreeSet<LocalDateTime> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private Map<String, Long> counts(DateRange range, String kind, String dimension) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row row : query(range, kind, List.of(dimension))) {
            counts.merge(row.dimension(0), row.count(), Long::sum);
        }
        return counts;
    }

    private record Row(long time, List<String> dimensions, long count, long seconds) {
        String dimension(int index) {
            return dimensions.get(index);
        }
    }

    /** Sums of the daily rollup for one kind of event within the range, grouped by {@code dimensions}. */
    private List<Row> query(DateRange range, String kind, List<String> dimensions) {
        return query(range, kind, dimensions, Grain.DAILY, false);
    }

    /**
     * Sums of a rollup for one kind of event within the range, grouped by {@code dimensions} (columns or
     * expressions of our own, never user input) and, when {@code byTime}, by hour or day.
     */
    private List<Row> query(DateRange range, String kind, List<String> dimensions, Grain grain, boolean byTime) {
        ZoneId zone = this.zone.get();
        List<String> groups = new ArrayList<>();
        if (byTime) {
            groups.add(grain.column);
        }
        groups.addAll(dimensions);
        int dimensionCount = dimensions.size();
        String select = (groups.isEmpty() ? "" : String.join(", ", groups) + ", ") + "SUM(event_count), SUM(seconds_sum)";
        String sql = "SELECT " + select + " FROM " + grain.table + " WHERE kind = ? AND " + grain.column + " >= ? AND "
                + grain.column + " < ?" + (groups.isEmpty() ? "" : " GROUP BY " + String.join(", ", groups));
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, kind);
            statement.setLong(2, grain.first(range, zone));
            statement.setLong(3, grain.end(range, zone));
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    int column = 1;
                    long time = byTime ? result.getLong(column++) : 0;
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < dimensionCount; i++) {
                        values.add(result.getString(column++));
                    }
                    long count = result.getLong(column++);
                    if (count > 0) {
                        rows.add(new Row(time, values, count, result.getLong(column)));
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StatisticsUnavailableException(e);
        }
    }

    /** Calls started in one day or hour (labelled by its local start), and how many chose each language. */
    public record Calls(LocalDateTime start, long calls, Map<String, Long> byLanguage) {
        public LocalDate day() {
            return start.toLocalDate();
        }
    }

    public record TransferCount(String line, String outcome, long count, long seconds) {
    }
}
