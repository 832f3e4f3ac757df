package hotline.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import hotline.config.DatabaseSettings;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * The hotline's store, on one of two engines, its schema created and upgraded by the same versioned migrations
 * ({@code db/migration/common}, plus a folder per engine for the few statements that must differ), so an old
 * database upgrades in place:
 * <ul>
 * <li>SQLite, the default: one file in the data directory, in WAL mode (readers never wait for the writer), for one
 * instance. The file is created only when a database is opened (at start-up), privately. Connections never create
 * it: a file deleted while the hotline runs stays missing, and {@link #problem()} says so, rather than an empty,
 * readable-by-all database quietly taking its place.</li>
 * <li>PostgreSQL, through a small pool of connections, for several instances that share one database.</li>
 * </ul>
 * The SQL elsewhere is written once for both (standard SQL, {@code INSERT ... ON CONFLICT}); what differs is here.
 */
public final class Database implements AutoCloseable {
    public static final String FILE_NAME = "hotline.db";

    public enum Engine {
        SQLITE("sqlite"), POSTGRESQL("postgresql");

        private final String folder;

        Engine(String folder) {
            this.folder = folder;
        }
    }

    /**
     * How long a page waits for a PostgreSQL connection before it is told the database cannot be reached. Webhooks
     * never wait for one; the event writer counts its events as dropped.
     */
    static final long CONNECTION_TIMEOUT_MILLIS = 2_000;
    /** How long a statement waits for a lock held by someone else before it gives up. */
    static final int BUSY_TIMEOUT_MILLIS = 2_000;
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final Engine engine;
    /** The file, or the URL without its query: what messages may name. */
    private final String name;
    /** The SQLite file; null on PostgreSQL. */
    private final Path file;
    /** Asked only when upgrading figures counted before days were (see {@link DailyRollupMigration}). */
    private final Supplier<ZoneId> zoneOfEarlierFigures;
    private final DataSource dataSource;
    /** The file as it was opened (its inode, on Linux): a file put in its place later is not ours. */
    private final Object fileKey;
    /** The problem last reported in the log, so that each change is told once, not at every request. */
    private final AtomicReference<String> reported = new AtomicReference<>("");

    private Database(Path file, Supplier<ZoneId> zoneOfEarlierFigures) {
        this.engine = Engine.SQLITE;
        this.name = file.toString();
        this.file = file;
        this.zoneOfEarlierFigures = zoneOfEarlierFigures;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.resetOpenMode(SQLiteOpenMode.CREATE); // a missing file is an error, never a new empty database
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file);
        this.dataSource = sqlite;
        this.fileKey = fileKey(file).orElse(null);
    }

    private Database(HikariDataSource pool, String shownUrl, Supplier<ZoneId> zoneOfEarlierFigures) {
        this.engine = Engine.POSTGRESQL;
        this.name = "the PostgreSQL database " + shownUrl;
        this.file = null;
        this.zoneOfEarlierFigures = zoneOfEarlierFigures;
        this.dataSource = pool;
        this.fileKey = null;
    }

    /**
     * Connects to the PostgreSQL database and brings its schema up to date; several instances starting at once
     * migrate it once (Flyway takes a lock in the database for that).
     *
     * @throws IllegalStateException if it cannot be reached, saying why (without the password)
     */
    public static Database openPostgres(DatabaseSettings settings, Supplier<ZoneId> zoneOfEarlierFigures) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("hotline-db");
        pool.setJdbcUrl(settings.url());
        settings.user().ifPresent(pool::setUsername);
        settings.password().ifPresent(pool::setPassword);
        pool.setMaximumPoolSize(8);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        pool.setValidationTimeout(1_000);
        // A server that vanishes mid-query (its machine gone) fails the query in bounded time rather than holding
        // a connection for the operating system's TCP timeout; no statement of ours takes anywhere near this long.
        pool.addDataSourceProperty("socketTimeout", "60");
        pool.addDataSourceProperty("connectTimeout", "5");
        pool.addDataSourceProperty("tcpKeepAlive", "true");
        pool.addDataSourceProperty("ApplicationName", "hotline");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to the PostgreSQL database " + settings.shownUrl() + ": "
                    + rootMessage(e), e);
        }
        Database database = new Database(dataSource, settings.shownUrl(), zoneOfEarlierFigures);
        try {
            database.migrateTo(null);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return database;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    public Engine engine() {
        return engine;
    }

    /** Whether other instances may share this database (and so its state must not live only in one's memory). */
    public boolean shared() {
        return engine == Engine.POSTGRESQL;
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

    /** The database the settings name: PostgreSQL if they give one, else SQLite in the data directory. */
    public static Database open(Path dataDir, Optional<DatabaseSettings> postgres, Supplier<ZoneId> zoneOfEarlierFigures) {
        return postgres.isPresent() ? openPostgres(postgres.get(), zoneOfEarlierFigures)
                : openIn(dataDir, zoneOfEarlierFigures);
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
        if (file == null) {
            // PostgreSQL: a server that cannot be reached fails each use on its own (with a page that says so), and
            // comes back by itself; calls never depend on it.
            return Optional.empty();
        }
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
                .locations("classpath:db/migration/common", "classpath:db/migration/" + engine.folder)
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

    /** Work on a connection of this database. */
    @FunctionalInterface
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} unless it ran less than {@code period} ago, on this instance or any other sharing the
     * database, or is running on another right now: housekeeping such as deleting old call events is done once for
     * all of them, not once by each. On PostgreSQL it runs in one transaction, holding a lock that ends with it (a
     * lock held by a session could outlive a failure on a pooled connection); on SQLite, with one instance, only the
     * period counts, and each statement commits on its own, so that the file's one write lock is held briefly.
     *
     * @return whether it ran here
     */
    public boolean onceAmongInstances(String name, Duration period, Work work) throws SQLException {
        boolean shared = shared();
        try (Connection connection = connect()) {
            connection.setAutoCommit(!shared);
            if (shared && !advisoryLock(connection, "pg_try_advisory_xact_lock", name)) {
                connection.rollback();
                return false;
            }
            String setting = "ran_at." + name;
            long now = System.currentTimeMillis();
            try (PreparedStatement read = connection.prepareStatement("SELECT value FROM hotline_setting WHERE name = ?")) {
                read.setString(1, setting);
                try (ResultSet row = read.executeQuery()) {
                    if (row.next() && now - Long.parseLong(row.getString(1)) < period.toMillis()) {
                        if (shared) {
                            connection.rollback();
                        }
                        return false;
                    }
                }
            }
            try (PreparedStatement note = connection.prepareStatement("INSERT INTO hotline_setting (name, value) "
                    + "VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                note.setString(1, setting);
                note.setString(2, Long.toString(now));
                note.executeUpdate();
            }
            work.run(connection);
            if (shared) {
                connection.commit();
            }
            return true;
        }
    }

    /**
     * Runs {@code work} while no other instance sharing the database runs work of the same name, waiting for its
     * turn: two instances started at once on an empty database must not both publish a first version or create a
     * first admin. On SQLite, with one instance (see {@code DataDirLock}), it simply runs.
     */
    public <T> T aloneAmongInstances(String name, Supplier<T> work) {
        if (!shared()) {
            return work.get();
        }
        try (Connection connection = connect()) {
            // Held by this transaction, which stays open while the work runs on other connections.
            connection.setAutoCommit(false);
            advisoryLock(connection, "pg_advisory_xact_lock", name);
            try {
                return work.get();
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the lock for " + name + " in " + this + ": " + e.getMessage(), e);
        }
    }

    /** PostgreSQL's advisory locks are numbered: each name has its own number, in a range of the hotline's. */
    private static boolean advisoryLock(Connection connection, String function, String name) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT " + function + "(?)")) {
            lock.setLong(1, 0x486f_746cL << 32 | (name.hashCode() & 0xffff_ffffL));
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return function.equals("pg_advisory_xact_lock") || row.getBoolean(1);
            }
        }
    }

    /**
     * For operators: whether the database answers right now (PostgreSQL), or the problem with its file (SQLite).
     * Never makes the hotline unhealthy on its own: see {@link #problem()}.
     */
    public String state() {
        if (!shared()) {
            return problem().orElse("ok");
        }
        try (Connection connection = connect()) {
            return connection.isValid(1) ? "ok" : "cannot be reached: it did not answer within a second";
        } catch (SQLException e) {
            return "cannot be reached: " + e.getMessage();
        }
    }

    /** Where it is, for messages: the SQLite file, or the PostgreSQL URL without its query (which may hold a password). */
    @Override
    public String toString() {
        return name;
    }

    /** The SQLite file; for PostgreSQL there is none. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Closes PostgreSQL's pool of connections; SQLite holds none open. */
    @Override
    public void close() {
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }
}
