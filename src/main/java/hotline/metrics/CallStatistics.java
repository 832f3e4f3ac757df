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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Answers how the line is used, for a range of days in the hotline's time zone. Reads only the hourly rollup,
 * so its cost depends on the length of the range, not on the number of calls.
 */
public final class CallStatistics {
    private final Database database;
    private final Supplier<ZoneId> zone;

    public CallStatistics(Database database, Supplier<ZoneId> zone) {
        this.database = database;
        this.zone = zone;
    }

    /** Calls started per day; with, by language, how many chose each one. */
    public List<Calls> callsPerDay(DateRange range) {
        return calls(range, true);
    }

    /** Calls started per hour, each hour labelled with its local start time. */
    public List<Calls> callsPerHour(DateRange range) {
        return calls(range, false);
    }

    public Map<String, Long> callsByLanguage(DateRange range) {
        return counts(range, EventKind.LANGUAGE_CHOSEN, "language");
    }

    /** Each option chosen, by the menu it was chosen in; keys read {@code menu/choice}, such as {@code main/facts}. */
    public Map<String, Long> optionsChosen(DateRange range) {
        return counts(range, EventKind.OPTION_CHOSEN, "menu || '/' || choice");
    }

    /** Transfers by line, then by outcome (connected, busy, no_answer, failed), with connected talk time. */
    public List<TransferCount> transfers(DateRange range) {
        List<TransferCount> transfers = new ArrayList<>();
        for (Row row : query(range, EventKind.TRANSFER_OUTCOME, List.of("line", "outcome"), false)) {
            transfers.add(new TransferCount(row.dimension(0), row.dimension(1), row.count(), row.seconds()));
        }
        return transfers;
    }

    /** Transfer attempts by line, split into the caller's own choice and failovers from another line. */
    public List<TransferCount> transferAttempts(DateRange range) {
        List<TransferCount> attempts = new ArrayList<>();
        for (Row row : query(range, EventKind.TRANSFER_ATTEMPTED,
                List.of("line", "CASE WHEN failover = 1 THEN 'failover' ELSE 'first_choice' END"), false)) {
            attempts.add(new TransferCount(row.dimension(0), row.dimension(1), row.count(), 0));
        }
        return attempts;
    }

    /** Ended calls by the last menu they reached: where callers hang up. */
    public Map<String, Long> callsEndedByLastMenu(DateRange range) {
        return counts(range, EventKind.CALL_ENDED, "menu");
    }

    public long callsEndedInLanguageMenu(DateRange range) {
        return callsEndedByLastMenu(range).getOrDefault(CallEvent.LANGUAGE_MENU, 0L);
    }

    /** Invalid and missing input, by menu: {@code invalid_input/main}, {@code no_input/lines}... */
    public Map<String, Long> inputProblems(DateRange range) {
        Map<String, Long> problems = new TreeMap<>();
        for (EventKind kind : List.of(EventKind.INVALID_INPUT, EventKind.NO_INPUT)) {
            counts(range, kind, "menu").forEach((menu, count) -> problems.put(kind.stored() + "/" + menu, count));
        }
        return problems;
    }

    public DurationSummary durations(DateRange range) {
        long[] histogram = new long[EventStore.LAST_BUCKET + 1];
        long seconds = 0;
        for (Row row : query(range, EventKind.CALL_ENDED, List.of("seconds_bucket"), false)) {
            histogram[Integer.parseInt(row.dimension(0))] += row.count();
            seconds += row.seconds();
        }
        return DurationSummary.of(histogram, EventStore.SECONDS_PER_BUCKET, seconds);
    }

    private List<Calls> calls(DateRange range, boolean perDay) {
        ZoneId zone = this.zone.get();
        Map<LocalDateTime, long[]> started = new TreeMap<>();
        Map<LocalDateTime, Map<String, Long>> languages = new TreeMap<>();
        for (Row row : query(range, EventKind.CALL_STARTED, List.of(), true)) {
            started.computeIfAbsent(label(row.hour(), zone, perDay), k -> new long[1])[0] += row.count();
        }
        for (Row row : query(range, EventKind.LANGUAGE_CHOSEN, List.of("language"), true)) {
            languages.computeIfAbsent(label(row.hour(), zone, perDay), k -> new TreeMap<>())
                    .merge(row.dimension(0), row.count(), Long::sum);
        }
        List<Calls> calls = new ArrayList<>();
        for (LocalDateTime at : union(started.keySet(), languages.keySet())) {
            calls.add(new Calls(at, started.getOrDefault(at, new long[1])[0], languages.getOrDefault(at, Map.of())));
        }
        return calls;
    }

    private static LocalDateTime label(long hour, ZoneId zone, boolean perDay) {
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochSecond(hour * 3600), zone);
        return perDay ? local.toLocalDate().atStartOfDay() : local;
    }

    private static List<LocalDateTime> union(Set<LocalDateTime> a, Set<LocalDateTime> b) {
        TreeSet<LocalDateTime> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private Map<String, Long> counts(DateRange range, EventKind kind, String dimension) {
        Map<String, Long> counts = new TreeMap<>();
        for (Row row : query(range, kind, List.of(dimension), false)) {
            counts.merge(row.dimension(0), row.count(), Long::sum);
        }
        return counts;
    }

    private record Row(long hour, List<String> dimensions, long count, long seconds) {
        String dimension(int index) {
            return dimensions.get(index);
        }
    }

    /**
     * Sums of the rollup for one kind of event within the range, grouped by {@code dimensions} (columns or
     * expressions of our own, never user input) and, when {@code byHour}, by hour.
     */
    private List<Row> query(DateRange range, EventKind kind, List<String> dimensions, boolean byHour) {
        ZoneId zone = this.zone.get();
        List<String> groups = new ArrayList<>();
        if (byHour) {
            groups.add("hour");
        }
        groups.addAll(dimensions);
        int dimensionCount = dimensions.size();
        String select = (groups.isEmpty() ? "" : String.join(", ", groups) + ", ") + "SUM(event_count), SUM(seconds_sum)";
        String sql = "SELECT " + select + " FROM event_rollup WHERE kind = ? AND hour >= ? AND hour < ?"
                + (groups.isEmpty() ? "" : " GROUP BY " + String.join(", ", groups));
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, kind.stored());
            statement.setLong(2, range.firstHour(zone));
            statement.setLong(3, range.endHour(zone));
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    int column = 1;
                    long hour = byHour ? result.getLong(column++) : 0;
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < dimensionCount; i++) {
                        values.add(result.getString(column++));
                    }
                    long count = result.getLong(column++);
                    if (count > 0) {
                        rows.add(new Row(hour, values, count, result.getLong(column)));
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
