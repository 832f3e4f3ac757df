package hotline.db;

import hotline.TestHotline;
import hotline.metrics.CallStatistics;
import hotline.metrics.DateRange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A database file from the first schema version upgrades in place, keeping its rows. */
class DatabaseMigrationTest {
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    @TempDir
    Path dir;

    @Test
    void aFirstVersionDatabaseUpgradesWithoutLosingRowsAndGetsItsRollup() throws SQLException {
        Path file = dir.resolve("hotline.db");
        Database first = Database.openAtVersion(file, () -> LOS_ANGELES, "1");
        // 2026-12-02 18:00 UTC is 10:00 in Los Angeles; minutes since 1970.
        long minute = LocalDate.of(2026, 12, 2).atTime(18, 0).toEpochSecond(java.time.ZoneOffset.UTC) / 60;
        try (Connection connection = first.connect(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO call_event (call_key, occurred_minute, kind, menu) VALUES ('k1', " + minute + ", 'call_started', 'language')");
            sql.execute("INSERT INTO call_event (call_key, occurred_minute, kind, language, menu, choice) VALUES ('k1', " + minute + ", 'language_chosen', 'es-US', 'language', 'key')");
            sql.execute("INSERT INTO call_event (call_key, occurred_minute, kind, menu) VALUES ('k2', " + (minute + 1) + ", 'call_started', 'language')");
            sql.execute("INSERT INTO call_event (call_key, occurred_minute, kind, language, menu, seconds) VALUES ('k1', " + (minute + 2) + ", 'call_ended', 'es-US', 'main', 95)");
        }
        List<String> before = rows(first);

        Database upgraded = Database.openAtVersion(file, () -> LOS_ANGELES, null);

        assertEquals(before, rows(upgraded));
        List<String> applied = versions(upgraded);
        for (int i = 0; i < applied.size(); i++) {
            assertEquals(Integer.toString(i + 1), applied.get(i), "every migration, in order: " + applied);
        }
        assertTrue(applied.size() >= 5, applied.toString());
        CallStatistics statistics = new CallStatistics(upgraded, () -> TestHotline.LOS_ANGELES);
        DateRange day = DateRange.day(LocalDate.of(2026, 12, 2));
        assertEquals(2, statistics.callsPerDay(day).get(0).calls());
        assertEquals(Map.of("es-US", 1L), statistics.callsByLanguage(day));
        assertEquals(120, statistics.durations(day).medianSeconds(), "95 s is in the 90-120 s step");
        assertEquals(Map.of("main", 1L), statistics.callsEndedByLastMenu(day));
    }

    private static List<String> rows(Database database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery("SELECT * FROM call_event ORDER BY id")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(result.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static List<String> versions(Database database) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection connection = database.connect(); Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 ORDER BY installed_rank")) {
            while (result.next()) {
                versions.add(result.getString(1));
            }
        }
        return versions;
    }
}
