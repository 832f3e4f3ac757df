package hotline.cli;

import hotline.config.ConfigException;
import hotline.config.DataDirLock;
import hotline.config.DatabaseSettings;
import hotline.content.ContentStartup;
import hotline.db.Database;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code scripts/hotline copy-to-postgres}: moves a hotline that ran alone on SQLite into an empty PostgreSQL database,
 * so that several instances can share it. Everything kept is copied, in one transaction (all of it or nothing):
 * published versions and the draft, accounts, the audit log, settings, forms kept for admins, recordings, call
 * events and their rollups. Not copied: sessions (everyone signs in again) and the sign-in throttle (it starts
 * afresh). The SQLite file keeps its data (its schema is brought up to date first, as a start of this release would),
 * so going back is starting the hotline without the setting.
 */
final class CopyToPostgres {
    static final String NAME = "copy-to-postgres";
    /** In an order that satisfies the foreign keys (sessions and kept forms name accounts). */
    static final List<String> TABLES = List.of("catalog_version", "catalog_draft", "account", "audit_log",
            "hotline_setting", "kept_form", "recording", "call_event", "event_rollup", "event_rollup_daily");
    /** The tables whose ids PostgreSQL numbers: its counters must continue after the ids copied. */
    private static final List<String> NUMBERED = List.of("catalog_version", "account", "audit_log", "call_event");
    /** Tables that must be empty: a database that already holds a hotline is never written over. */
    private static final List<String> MUST_BE_EMPTY = List.of("catalog_version", "account", "audit_log", "call_event",
            "event_rollup");
    private static final int BATCH = 1_000;

    private CopyToPostgres() {
    }

    /**
     * @return the exit status: 0 copied, 2 refused (nothing was written), saying why on {@code err}
     */
    static int run(Path dataDir, Path promptsDir, DatabaseSettings target, PrintStream out, PrintStream err) {
        Path file = dataDir.resolve(Database.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            err.println("There is no " + Database.FILE_NAME + " in " + dataDir + " to copy: set HOTLINE_DATA_DIR to the data "
                    + "directory of the hotline that ran on SQLite.");
            return 2;
        }
        DataDirLock lock;
        try {
            lock = DataDirLock.acquire(dataDir);
        } catch (ConfigException e) {
            err.println("The hotline is running on " + dataDir + ": stop it first, so that nothing changes during the copy ("
                    + e.getMessage() + ")");
            return 2;
        }
        try (lock; Database source = Database.openIn(dataDir, ContentStartup.seedTimeZone(promptsDir));
             Database postgres = Database.openPostgres(target, ContentStartup.seedTimeZone(promptsDir))) {
            return copy(source, postgres, dataDir, out, err);
        } catch (SQLException | IOException | RuntimeException e) {
            err.println("Nothing was copied: " + e.getMessage());
            return 2;
        }
    }

    private static int copy(Database source, Database target, Path dataDir, PrintStream out, PrintStream err)
            throws SQLException, IOException {
        try (Connection from = source.connect(); Connection to = target.connect()) {
            for (String table : MUST_BE_EMPTY) {
                if (count(to, table) > 0) {
                    err.println(target + " already holds a hotline (its " + table + " table is not empty), and is never "
                            + "written over. Nothing was copied. Give it an empty database.");
                    return 2;
                }
            }
            to.setAutoCommit(false);
            out.println("Copying " + source + " into " + target + ", in one transaction:");
            for (String table : TABLES) {
                long rows = copyTable(from, to, table);
                out.printf("  %-20s %,d rows%n", table, rows);
            }
            int files = copyRecordingFiles(to, dataDir.resolve("recordings"));
            if (files > 0) {
                out.printf("  %-20s %,d recording files kept only in %s%n", "recording", files, dataDir.resolve("recordings"));
            }
            for (String table : NUMBERED) {
                try (Statement sql = to.createStatement()) {
                    sql.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                            + "COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)");
                }
            }
            try (PreparedStatement note = to.prepareStatement(
                    "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, 'system', 'copy_to_postgres', ?)")) {
                note.setString(1, Instant.now().toString());
                note.setString(2, "copied from " + source);
                note.executeUpdate();
            }
            to.commit();
        }
        out.println("Done. Set HOTLINE_DATABASE_URL (and its user and password) on every instance and start them; "
                + "everyone signs in again. " + source + " keeps its data.");
        return 0;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Copies every row, column by column as the source names them (both schemas come from the same migrations). */
    private static long copyTable(Connection from, Connection to, String table) throws SQLException {
        long rows = 0;
        try (Statement select = from.createStatement(); ResultSet source = select.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = source.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
            try (PreparedStatement target = to.prepareStatement(insert)) {
                while (source.next()) {
                    for (int i = 1; i <= names.size(); i++) {
                        target.setObject(i, source.getObject(i));
                    }
                    target.addBatch();
                    if (++rows % BATCH == 0) {
                        target.executeBatch();
                    }
                }
                target.executeBatch();
            }
        }
        return rows;
    }

    /** Recordings from releases that kept them only as files: into the database too, named as they are. */
    private static int copyRecordingFiles(Connection to, Path folder) throws SQLException, IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int copied = 0;
        try (Stream<Path> files = Files.list(folder);
             PreparedStatement keep = to.prepareStatement("INSERT INTO recording (name, audio, saved_at) VALUES (?, ?, ?) "
                     + "ON CONFLICT (name) DO NOTHING")) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}\\.(wav|mp3)")).toList()) {
                keep.setString(1, file.getFileName().toString());
                keep.setBytes(2, Files.readAllBytes(file));
                keep.setLong(3, Files.getLastModifiedTime(file).toInstant().getEpochSecond());
                copied += keep.executeUpdate();
            }
        }
        return copied;
    }
}
