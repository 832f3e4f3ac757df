package hotline.db;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * Migration 3: the same rollup by day, in the hotline's time zone, so that a year of dashboards reads a few
 * thousand rows, not hundreds of thousands. Written in Java because the hours already rolled up must be sorted
 * into local days, and only the hotline knows its time zone. (Days before a later change of time zone stay as
 * they were counted.)
 */
final class DailyRollupMigration implements JavaMigration {
    private static final String CREATE = """
            CREATE TABLE event_rollup_daily (
                day            BIGINT      NOT NULL,          -- days since 1970-01-01, as dated in the hotline's time zone
                kind           VARCHAR(32) NOT NULL,
                language       VARCHAR(16) NOT NULL,
                menu           VARCHAR(16) NOT NULL,
                choice         VARCHAR(48) NOT NULL,
                line           VARCHAR(48) NOT NULL,
                outcome        VARCHAR(16) NOT NULL,
                failover       SMALLINT    NOT NULL,
                seconds_bucket INTEGER     NOT NULL,
                event_count    BIGINT      NOT NULL,
                seconds_sum    BIGINT      NOT NULL,
                PRIMARY KEY (kind, day, language, menu, choice, line, outcome, failover, seconds_bucket)
            )""";
    private static final String DIMENSIONS = "kind, language, menu, choice, line, outcome, failover, seconds_bucket";

    /** Asked only if there are hourly figures to date: a new database needs no time zone to be created. */
    private final Supplier<ZoneId> zone;

    DailyRollupMigration(Supplier<ZoneId> zone) {
        this.zone = zone;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "daily rollup";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
        }
        String insert = "INSERT INTO event_rollup_daily (day, " + DIMENSIONS + ", event_count, seconds_sum) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (kind, day, language, menu, choice, line, outcome, "
                + "failover, seconds_bucket) DO UPDATE SET event_count = event_rollup_daily.event_count + excluded.event_count, "
                + "seconds_sum = event_rollup_daily.seconds_sum + excluded.seconds_sum";
        try (Statement select = connection.createStatement();
             ResultSet hours = select.executeQuery("SELECT hour, " + DIMENSIONS + ", event_count, seconds_sum FROM event_rollup");
             PreparedStatement add = connection.prepareStatement(insert)) {
            ZoneId days = null;
            while (hours.next()) {
                days = days == null ? zone.get() : days;
                add.setLong(1, LocalDate.ofInstant(Instant.ofEpochSecond(hours.getLong(1) * 3600), days).toEpochDay());
                for (int column = 2; column <= 11; column++) {
                    add.setObject(column, hours.getObject(column));
                }
                add.addBatch();
            }
            add.executeBatch();
        }
    }
}
