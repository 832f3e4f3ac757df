package hotline.audit;

import hotline.db.Database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Who did what in the admin console: kept in the database and written to the log as well. */
public final class AuditLog {
    private static final Logger log = LoggerFactory.getLogger("hotline.audit");

    private final Database database;
    private final Clock clock;

    /** One line of the audit log. */
    public record Entry(long id, Instant at, String actor, String action, String detail) {
    }

    public AuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records an action. The detail must never hold a password or anything a caller said. */
    public void record(String actor, String action, String detail) {
        log.info("{} {}: {}", actor, action, detail);
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, clock.instant().toString());
            insert.setString(2, actor);
            insert.setString(3, action);
            insert.setString(4, detail);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the audit log: " + e.getMessage(), e);
        }
    }

    public List<Entry> latest(int limit) {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id, at, actor, action, detail FROM audit_log ORDER BY id DESC LIMIT ?")) {
            query.setInt(1, limit);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getLong(1), Instant.parse(rows.getString(2)), rows.getString(3),
                            rows.getString(4), rows.getString(5)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
        }
    }
}
