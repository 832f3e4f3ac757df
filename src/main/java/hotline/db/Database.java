package hotline.db;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * The hotline's store: one SQLite file in WAL mode (readers never wait for the writer), its schema created and
 * upgraded by the versioned migrations in {@code db/migration}, so an old file upgrades in place.
 * <p>
 * The file is created only when a database is opened (at start-up), privately. Connections never create it: a
 * file deleted while the hotline runs stays missing, and {@link #problem()} says so, rather than an empty,
 * readable-by-all database quietly taking its place.
 */
public final class Database {
    public static final String FILE_NAME = "hotline.db";
    /** How long a statement waits for a lock held by someone else before it gives up. */
    static final int BUSY_TIMEOUT_MILLIS = 2_000;
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final Path file;
    /** Asked only when upgrading figures counted before days were (see {@link DailyRollupMigration}). */
    private final Supplier<ZoneId> zoneOfEarlierFigures;
    private final SQLiteDataSource dataSource;
    /** The file as it was opened (its inode, on Linux): a file put in its place later is not ours. */
    private final Object fileKey;
    /** The problem last reported in the log, so that each change is told once, not at every request. */
    private final AtomicReference<String> reported = new AtomicReference<>("");

    private Database(Path file, Supplier<ZoneId> zoneOfEarlierFigures) {
        this.file = file;
        this.zoneOfEarlierFigures = zoneOfEarlierFigures;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.resetOpenMode(SQLiteOpenMode.CREATE); // a missing file is an error, never a new empty database
        this.dataSource = new SQLiteDataSource(config);
        this.dataSource.setUrl("jdbc:sqlite:" + file);
        this.fileKey = fileKey(file).orElse(null);
    }

    /**
     * Opens (creating if needed) the database in {@code dataDir} and brings its schema up to date. The hotline's
     * time zone is its published content's; this needs none, unless the file holds figures from before they were
     * counted by day: see {@link #openIn(Path, Supplier)}.
     */
    public static Database openIn(Path dataDir) {
        return openIn(dataDir, Database::noZoneGiven);
    }

    /**
     * @param zoneOfEarlierFigures the time zone to date by day the figures a release from before days were counted
     *                             left behind: then there was no published content yet, so the content the hotline
     *                             is about to publish first (its prompt files) tells it
     */
    public static Database openIn(Path dataDir, Supplier<ZoneId> zoneOfEarlierFigures) {
        return openAtVersion(dataDir.resolve(FILE_NAME), zoneOfEarlierFigures, null);
    }

    public static Database open(Path file) {
        return openAtVersion(file, Database::noZoneGiven, null);
    }

    /** For tests of upgrades: the schema up to {@code version} only (all of it when null). */
    public static Database openAtVersion(Path file, Supplier<ZoneId> zoneOfEarlierFigures, String version) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                // As private as the file: made by a command before the hotline's first start, it is the data directory.
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + file, e);
        }
        createPrivately(file);
        Database database = new Database(file, zoneOfEarlierFigures);
        database.migrateTo(version);
        return database;
    }

    /**
     * Creates the file readable by its owner only: it holds password hashes and the audit log. SQLite gives its
     * -wal and -shm files the same permissions.
     */
    private static void createPrivately(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // created meanwhile by another process: fine
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Why the database cannot be used right now, if it cannot: its file was deleted, or another file was put in its
     * place, since it was opened. Calls are answered either way; content, accounts and statistics are not. The
     * first time a problem is seen (and when it is gone again) it is logged, once.
     */
    public Optional<String> problem() {
        Optional<Object> now = fileKey(file);
        String problem = now.isEmpty() ? "The database file " + file + " was deleted while the hotline was running"
                : !now.get().equals(fileKey) ? "The database file " + file + " was replaced while the hotline was running"
                : "";
        String before = reported.getAndSet(problem);
        if (!problem.equals(before)) {
            if (problem.isEmpty()) {
                log.info("The database file {} is back; content, accounts and statistics work again", file);
            } else {
                log.error("{}. Calls are still answered, but content, accounts and call statistics are unavailable and "
                        + "nothing was created in its place. Restore {} from a backup and restart the hotline (see README, "
                        + "Restoring).", problem, FILE_NAME);
            }
        }
        return problem.isEmpty() ? Optional.empty() : Optional.of(problem);
    }

    private static Optional<Object> fileKey(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return Optional.of(key == null ? file : key);
        } catch (IOException missing) {
            return Optional.empty();
        }
    }

    private void migrateTo(String version) {
        var configuration = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new DailyRollupMigration(zoneOfEarlierFigures))
                .loggers("slf4j");
        if (version != null) {
            configuration.target(version);
        }
        configuration.load().migrate();
    }

    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    private static ZoneId noZoneGiven() {
        throw new IllegalStateException("this database holds figures from before they were counted by day, and no time "
                + "zone was given to date them: start the hotline once, which upgrades it in the time zone of its content");
    }

    public Path file() {
        return file;
    }
}
