package hotline.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of the event writer: raw events and their hourly and daily rollups, written together. */
final class EventStore {
    /** A call is not expected to last longer than this; where it was last seen is looked up within it. */
    private static final long LONGEST_CALL_MINUTES = 6 * 60;

    private static final String INSERT_EVENT = """
            INSERT INTO call_event (call_key, occurred_minute, kind, language, menu, choice, line, outcome, failover, seconds)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    /** Where a call was last seen: the menu, the language and the kind of its latest event. */
    record Trail(String menu, String language, String kind) {
        static final Trail NOWHERE = new Trail("", "", "");
    }

    private EventStore() {
    }

    /** Inserts the events and adds them to the rollups; a duplicate (a call ending twice) is neither. */
    static int write(Connection connection, List<StoredEvent> events, ZoneId zone) throws SQLException {
        List<StoredEvent> inserted = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT)) {
            for (StoredEvent stored : events) {
                CallEvent e = stored.event();
                insert.setString(1, stored.callKey());
                insert.setLong(2, stored.minute());
                insert.setString(3, e.kind().stored());
                insert.setString(4, e.language());
                insert.setString(5, e.menu());
                insert.setString(6, e.choice());
                insert.setString(7, e.line());
                insert.setString(8, e.outcome());
                insert.setInt(9, e.failover() ? 1 : 0);
                insert.setInt(10, e.seconds());
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    inserted.add(events.get(i));
                }
            }
        }
        addToRollups(connection, inserted, zone);
        return inserted.size();
    }

    /** One row of a rollup: a time (an hour, or a local day) and an entry. */
    private record RollupKey(long time, Rollup.Entry entry) {
    }

    private static final Comparator<RollupKey> ROLLUP_ORDER = Comparator.comparingLong(RollupKey::time)
            .thenComparing(k -> k.entry().kind()).thenComparing(k -> k.entry().language())
            .thenComparing(k -> k.entry().menu()).thenComparing(k -> k.entry().choice())
            .thenComparing(k -> k.entry().line()).thenComparing(k -> k.entry().outcome())
            .thenComparing(k -> k.entry().failover()).thenComparingInt(k -> k.entry().durationStep());

    /**
     * Adds the events to the hourly and the daily rollup. Events are summed here first, so a batch costs a
     * handful of upserts, not one per event.
     */
    private static void addToRollups(Connection connection, List<StoredEvent> events, ZoneId zone) throws SQLException {
        // Sorted: two instances that write rows of the same hour lock them in the same order, so neither waits for the
        // other while holding what the other waits for (a deadlock PostgreSQL would end by failing one batch).
        Map<RollupKey, long[]> hourly = new TreeMap<>(ROLLUP_ORDER);
        Map<RollupKey, long[]> daily = new TreeMap<>(ROLLUP_ORDER);
        for (StoredEvent stored : events) {
            long hour = Math.floorDiv(stored.minute(), 60);
            long day = LocalDate.ofInstant(Instant.ofEpochSecond(stored.minute() * 60), zone).toEpochDay();
            for (Rollup.Entry entry : Rollup.entriesFor(stored.event())) {
                Rollup.Entry key = entry.withoutSeconds();
                add(hourly, new RollupKey(hour, key), entry.seconds());
                add(daily, new RollupKey(day, key), entry.seconds());
            }
        }
        upsert(connection, "event_rollup", "hour", hourly);
        upsert(connection, "event_rollup_daily", "day", daily);
    }

    private static void add(Map<RollupKey, long[]> sums, RollupKey key, int seconds) {
        long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
        sum[0]++;
        sum[1] += seconds;
    }

    private static void upsert(Connection connection, String table, String time, Map<RollupKey, long[]> sums)
            throws SQLException {
        String sql = "INSERT INTO " + table + " (" + time + ", kind, language, menu, choice, line, outcome, failover,"
                + " seconds_bucket, event_count, seconds_sum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (kind, " + time + ", language, menu, choice, line, outcome, failover, seconds_bucket)"
                + " DO UPDATE SET event_count = " + table + ".event_count + excluded.event_count,"
                + " seconds_sum = " + table + ".seconds_sum + excluded.seconds_sum";
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            for (Map.Entry<RollupKey, long[]> row : sums.entrySet()) {
                Rollup.Entry k = row.getKey().entry();
                upsert.setLong(1, row.getKey().time());
                upsert.setString(2, k.kind());
                upsert.setString(3, k.language());
                upsert.setString(4, k.menu());
                upsert.setString(5, k.choice());
                upsert.setString(6, k.line());
                upsert.setString(7, k.outcome());
                upsert.setInt(8, k.failover() ? 1 : 0);
                upsert.setInt(9, k.durationStep());
                upsert.setLong(10, row.getValue()[0]);
                upsert.setLong(11, row.getValue()[1]);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /**
     * Where a call was last seen, from its stored events among the last hours' only: after a restart, or when other
     * instances answered some of its steps. Its language is the last one it chose, whichever event says so.
     */
    static Optional<Trail> trailInDatabase(Connection connection, String callKey, long nowMinute) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT menu, (SELECT language FROM call_event
                              WHERE occurred_minute >= ? AND call_key = ? AND language <> ''
                              ORDER BY id DESC LIMIT 1), kind
                FROM call_event
                WHERE occurred_minute >= ? AND call_key = ? AND kind <> 'call_ended'
                ORDER BY id DESC LIMIT 1""")) {
            query.setLong(1, nowMinute - LONGEST_CALL_MINUTES);
            query.setString(2, callKey);
            query.setLong(3, nowMinute - LONGEST_CALL_MINUTES);
            query.setString(4, callKey);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Trail(rows.getString(1),
                        rows.getString(2) == null ? "" : rows.getString(2), rows.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** Deletes raw events older than {@code minute}, a chunk at a time so that the writer's lock stays short. */
    static int deleteBefore(Connection connection, long minute) throws SQLException {
        int total = 0;
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM call_event WHERE id IN (SELECT id FROM call_event WHERE occurred_minute < ? LIMIT 10000)")) {
            delete.setLong(1, minute);
            int deleted;
            do {
                deleted = delete.executeUpdate();
                total += deleted;
            } while (deleted > 0);
        }
        return total;
    }
}
