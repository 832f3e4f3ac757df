package hotline.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of the event writer: raw events and their hourly rollup, written together. */
final class EventStore {
    /** Call durations are counted in 10-second steps up to an hour, so percentiles need no raw events. */
    static final int SECONDS_PER_BUCKET = 10;
    static final int LAST_BUCKET = 360;

    private static final String INSERT_EVENT = """
            INSERT INTO call_event (call_key, occurred_minute, kind, language, menu, choice, line, outcome, failover, seconds)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    private static final String ADD_TO_ROLLUP = """
            INSERT INTO event_rollup (hour, kind, language, menu, choice, line, outcome, failover, seconds_bucket,
                                      event_count, seconds_sum)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (hour, kind, language, menu, choice, line, outcome, failover, seconds_bucket)
            DO UPDATE SET event_count = event_rollup.event_count + excluded.event_count,
                          seconds_sum = event_rollup.seconds_sum + excluded.seconds_sum""";

    /** Where a call was last seen: the menu and the language of its latest event. */
    record Trail(String menu, String language) {
    }

    private EventStore() {
    }

    /** Inserts the events and adds them to the rollup; a duplicate (a call ending twice) is neither. */
    static int write(Connection connection, List<StoredEvent> events) throws SQLException {
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
        addToRollup(connection, inserted);
        return inserted.size();
    }

    private record RollupKey(long hour, String kind, String language, String menu, String choice, String line,
                             String outcome, boolean failover, int bucket) {
    }

    private static void addToRollup(Connection connection, List<StoredEvent> events) throws SQLException {
        Map<RollupKey, long[]> sums = new LinkedHashMap<>();
        for (StoredEvent stored : events) {
            CallEvent e = stored.event();
            int bucket = e.kind() == EventKind.CALL_ENDED ? Math.min(e.seconds() / SECONDS_PER_BUCKET, LAST_BUCKET) : 0;
            RollupKey key = new RollupKey(Math.floorDiv(stored.minute(), 60), e.kind().stored(), e.language(), e.menu(),
                    e.choice(), e.line(), e.outcome(), e.failover(), bucket);
            long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
            sum[0]++;
            sum[1] += e.seconds();
        }
        try (PreparedStatement upsert = connection.prepareStatement(ADD_TO_ROLLUP)) {
            for (Map.Entry<RollupKey, long[]> entry : sums.entrySet()) {
                RollupKey k = entry.getKey();
                upsert.setLong(1, k.hour());
                upsert.setString(2, k.kind());
                upsert.setString(3, k.language());
                upsert.setString(4, k.menu());
                upsert.setString(5, k.choice());
                upsert.setString(6, k.line());
                upsert.setString(7, k.outcome());
                upsert.setInt(8, k.failover() ? 1 : 0);
                upsert.setInt(9, k.bucket());
                upsert.setLong(10, entry.getValue()[0]);
                upsert.setLong(11, entry.getValue()[1]);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** After a restart, where a call was last seen comes from its stored events. */
    static Optional<Trail> trailInDatabase(Connection connection, String callKey) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT menu, language FROM call_event WHERE call_key = ? AND kind <> 'call_ended' ORDER BY id DESC LIMIT 1")) {
            query.setString(1, callKey);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Trail(rows.getString(1), rows.getString(2))) : Optional.empty();
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
