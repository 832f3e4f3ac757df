package hotline.metrics;

import hotline.TestHotline;
import hotline.config.DatabaseSettings;
import hotline.db.Database;
import hotline.db.TestPostgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The day's call-key secret that instances sharing PostgreSQL agree on, and forget once its day is over. */
class SharedSecretsTest {
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);

    private DatabaseSettings settings;
    private final List<Database> databases = new ArrayList<>();

    @BeforeEach
    void newDatabase() {
        settings = TestPostgres.get().newDatabase();
    }

    @AfterEach
    void close() {
        databases.forEach(Database::close);
    }

    /** An instance's secrets on the shared database, reading the table again at every refresh. */
    private SharedSecrets instance() {
        Database database = Database.openPostgres(settings, () -> TestHotline.LOS_ANGELES);
        databases.add(database);
        return new SharedSecrets(database, Duration.ZERO);
    }

    @Test
    void instancesAgreeOnTheDayAndForgetItWhenItIsOver() throws SQLException {
        SharedSecrets first = instance();
        SharedSecrets second = instance();
        first.refresh(WEDNESDAY);
        second.refresh(WEDNESDAY);
        assertArrayEquals(first.forDay(WEDNESDAY), second.forDay(WEDNESDAY));
        byte[] thursday = first.forDay(WEDNESDAY.plusDays(1));
        assertArrayEquals(thursday, second.forDay(WEDNESDAY.plusDays(1)), "tomorrow's is made a day ahead");
        assertEquals(List.of(WEDNESDAY.toEpochDay(), WEDNESDAY.plusDays(1).toEpochDay()), days());

        second.refresh(WEDNESDAY.plusDays(1));
        assertEquals(List.of(WEDNESDAY.plusDays(1).toEpochDay(), WEDNESDAY.plusDays(2).toEpochDay()), days(),
                "Wednesday's secret is gone from the database once Thursday has begun");
        assertArrayEquals(thursday, second.forDay(WEDNESDAY.plusDays(1)));
        first.refresh(WEDNESDAY.plusDays(1));
        assertArrayEquals(thursday, first.forDay(WEDNESDAY.plusDays(1)));
    }

    @Test
    void aTableEmptiedByACrashIsRefilledWithTheSecretTheInstancesUse() throws SQLException {
        SharedSecrets running = instance();
        running.refresh(WEDNESDAY);
        byte[] used = running.forDay(WEDNESDAY);
        execute("TRUNCATE call_key_secret"); // what a crash does to an UNLOGGED table

        running.refresh(WEDNESDAY);
        SharedSecrets restarted = instance();
        restarted.refresh(WEDNESDAY);
        assertArrayEquals(used, running.forDay(WEDNESDAY));
        assertArrayEquals(used, restarted.forDay(WEDNESDAY), "an instance started since adopts it");
    }

    @Test
    void theSecretTableIsWrittenToNoLog() throws SQLException {
        assertEquals("u", single("SELECT relpersistence FROM pg_class WHERE relname = 'call_key_secret'"),
                "UNLOGGED: never in a standby, a WAL archive or a point-in-time backup");
    }

    private List<Long> days() throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT day FROM call_key_secret ORDER BY day")) {
            List<Long> days = new ArrayList<>();
            while (rows.next()) {
                days.add(rows.getLong(1));
            }
            return days;
        }
    }

    private void execute(String statement) throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private String single(String query) throws SQLException {
        instance();
        try (Connection connection = connect(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private Connection connect() throws SQLException {
        return TestPostgres.get().connect(settings.url().substring(settings.url().lastIndexOf('/') + 1));
    }
}
