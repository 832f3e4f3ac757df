package hotline.db;

import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The hotline's store: one SQLite file in WAL mode (readers never wait for the writer), its schema created and
 * upgraded by the versioned migrations in {@code db/migration}, so an old file upgrades in place.
 */
public final class Database {
    public static final String FILE_NAME = "hotline.db";
    /** How long a statement waits for a lock held by someone else before it gives up. */
    static final int BUSY_TIMEOUT_MILLIS = 2_000;

    private final Path file;
    private final SQLiteDataSource dataSource;

    private Database(Path file) {
        this.file = file;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        this.dataSource = new SQLiteDataSource(config);
        this.dataSource.setUrl("jdbc:sqlite:" + file);
    }

    /** Opens (creating if needed) the database in {@code dataDir} and brings its schema up to date. */
    public static Database openIn(Path dataDir) {
        return open(dataDir.resolve(FILE_NAME));
    }

    public static Database open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + file, e);
        }
        Database database = new Database(file);
        database.migrate();
        return database;
    }

    /** Applies every migration not yet applied; also recreates the schema of a file deleted while running. */
    public void migrate() {
        migrateTo(null);
    }

    /** For tests of upgrades: applies migrations up to {@code version} only. */
    public void migrateTo(String version) {
        var configuration = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .loggers("slf4j");
        if (version != null) {
            configuration.target(version);
        }
        configuration.load().migrate();
    }

    public static Database openAtVersion(Path file, String version) {
        Database database = new Database(file);
        database.migrateTo(version);
        return database;
    }

    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Path file() {
        return file;
    }
}
