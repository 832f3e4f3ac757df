package hotline.metrics;

import hotline.TestDatabases;
import hotline.TestHotline;
import hotline.db.Database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.awaitility.Awaitility;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Raw events older than the retention period are deleted; the hourly rollups stay. */
class RetentionTest {
    @TempDir
    Path dir;

    @Test
    void oldRawEventsGoRollupsStay() throws Exception {
        Instant now = Instant.parse("2026-12-02T18:00:00Z");
        Database database = TestDatabases.open(dir);
        long today = now.getEpochSecond() / 60;
        long old = now.minus(Duration.ofDays(91)).getEpochSecond() / 60;
        long recent = now.minus(Duration.ofDays(89)).getEpochSecond() / 60;
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            for (long minute : new long[]{old, recent, today}) {
                sql.execute("INSERT INTO call_event (call_key, occurred_minute, kind) VALUES ('k', " + minute + ", 'call_started')");
                sql.execute("INSERT INTO event_rollup VALUES (" + minute / 60 + ", 'call_started', '', '', '', '', '', 0, 0, 1, 0)");
            }
        }
        CallEventWriter writer = new CallEventWriter(database, () -> TestHotline.LOS_ANGELES, Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(90));
        writer.start();
        Awaitility.await("the retention pass").atMost(Duration.ofSeconds(30)).until(() -> count(database, "call_event") == 2);
        writer.close();
        assertEquals(2, count(database, "call_event"), "the 91-day-old event is gone, the 89-day-old one stays");
        assertEquals(3, count(database, "event_rollup"), "rollups are kept");
    }

    private static long count(Database database, String table) throws SQLException {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
