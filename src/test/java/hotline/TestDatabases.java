package hotline;

import hotline.config.DatabaseSettings;
import hotline.db.Database;
import hotline.db.TestPostgres;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which engine the storage tests run on. By default SQLite; Maven's second test run (the {@code postgresql}
 * execution in pom.xml) runs the same storage tests again with {@code -Dhotline.test.engine=postgresql}, so that
 * every query and migration is proved on both engines without a copy of any test.
 */
public final class TestDatabases {
    public static final String ENGINE = "hotline.test.engine";

    private TestDatabases() {
    }

    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty(ENGINE, "sqlite"));
    }

    /** What a new test hotline is configured with: a new PostgreSQL database, or none (SQLite in its data directory). */
    public static Optional<DatabaseSettings> settingsForNewHotline() {
        return onPostgres() ? Optional.of(TestPostgres.get().newDatabase()) : Optional.empty();
    }

    /** A new database: SQLite in {@code dataDir}, or a new database on the test PostgreSQL server. */
    public static Database open(Path dataDir) {
        return open(dataDir, () -> TestHotline.LOS_ANGELES);
    }

    public static Database open(Path dataDir, Supplier<ZoneId> zoneOfEarlierFigures) {
        return Database.open(dataDir, settingsForNewHotline(), zoneOfEarlierFigures);
    }
}
