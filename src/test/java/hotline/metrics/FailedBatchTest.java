package hotline.metrics;

import hotline.TestDatabases;
import hotline.TestHotline;
import hotline.db.Database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.awaitility.Awaitility;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

/**
 * A batch of call events that fails halfway, after the events were inserted and the hourly counts added but before
 * the daily counts were: none of it may stay, or the dashboard's hourly and daily figures would disagree for good.
 * A real database does not fail at exactly that statement on demand, so Mockito wraps the real connections (SQLite's
 * or PostgreSQL's) and makes that one statement throw, once, as a full disk would.
 */
class FailedBatchTest {
    private static final Instant NOW = Instant.parse("2026-12-02T18:00:00Z");

    @Test
    void aBatchThatFailsMidwayLeavesNothingAndTheNextOneIsWrittenWhole(@TempDir Path dir) throws Exception {
        Database database = spy(TestDatabases.open(dir));
        AtomicBoolean failed = new AtomicBoolean();
        doAnswer(invocation -> failingOnceOnTheDailyCounts((Connection) invocation.callRealMethod(), failed))
                .when(database).connect();

        try (CallEventWriter writer = new CallEventWriter(database, () -> TestHotline.LOS_ANGELES,
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(90))) {
            // Queued before the writer starts, so that both events are one batch.
            writer.record("CA-first", List.of(CallEvent.callStarted(), CallEvent.languageChosen("es-US", "dtmf")), NOW);
            writer.start();
            Awaitility.await("the failed batch counted as dropped").atMost(Duration.ofSeconds(30))
                    .until(() -> writer.stats().dropped() == 2);
            assertTrue(writer.stats().lastProblem().contains("disk I/O error"), writer.stats().lastProblem());
            assertEquals(0, count(database, "SELECT COUNT(*) FROM call_event"), "no event of the failed batch stays");
            assertEquals(0, count(database, "SELECT COALESCE(SUM(event_count), 0) FROM event_rollup"),
                    "nor its hourly counts, added before the statement that failed");

            writer.record("CA-second", List.of(CallEvent.callStarted(), CallEvent.languageChosen("en-US", "dtmf")), NOW);
            Awaitility.await("the next batch written").atMost(Duration.ofSeconds(30))
                    .until(() -> writer.stats().written() == 2);
        }
        assertEquals(2, count(database, "SELECT COUNT(*) FROM call_event"));
        long hourly = count(database, "SELECT SUM(event_count) FROM event_rollup");
        assertTrue(hourly > 0);
        assertEquals(hourly, count(database, "SELECT SUM(event_count) FROM event_rollup_daily"),
                "hours and days count the same events");
    }

    /** The real connection, except that the first batch adding to the daily counts throws. */
    private static Connection failingOnceOnTheDailyCounts(Connection real, AtomicBoolean failed) throws SQLException {
        Connection connection = spy(real);
        doAnswer(invocation -> {
            PreparedStatement statement = spy((PreparedStatement) invocation.callRealMethod());
            doAnswer(batch -> {
                if (failed.compareAndSet(false, true)) {
                    throw new SQLException("disk I/O error");
                }
                return batch.callRealMethod();
            }).when(statement).executeBatch();
            return statement;
        }).when(connection).prepareStatement(argThat((String sql) -> sql.contains("INSERT INTO event_rollup_daily")));
        return connection;
    }

    private static long count(Database database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
