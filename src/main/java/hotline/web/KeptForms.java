package hotline.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import hotline.db.Database;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forms kept on the server for the person who sent them, so that no typing is lost: what was typed into a form that
 * came back with a mistake (shown again after the redirect that follows every POST), what was sent just after a
 * session ended (offered again after signing in), and files waiting for an import to be confirmed. In the database,
 * like sessions, so that any instance can show them. Only admins' own typing: nothing about callers, never a password
 * or a form's token. Each is read back by its random id and its author's account, and forgotten after a while.
 */
public final class KeptForms {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why a form is kept, and for how long. */
    public enum Purpose {
        /** Typed into a form that had a mistake: shown again, filled in, after the redirect. */
        TYPED(Duration.ofHours(2)),
        /** Sent after the session ended: offered again after signing in. */
        SESSION_ENDED(Duration.ofDays(1)),
        /** Files uploaded for an import, waiting to be confirmed. */
        IMPORT(Duration.ofHours(2));

        private final Duration kept;

        Purpose(Duration kept) {
            this.kept = kept;
        }

        public Duration keptFor() {
            return kept;
        }
    }

    /** A kept form: where it was sent, and its fields. */
    public record Kept(String id, long accountId, Purpose purpose, String path, Form form, Instant keptAt) {
    }

    private final Database database;
    private final Clock clock;

    public KeptForms(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Keeps {@code form}, sent to {@code path} by the account; returns its id. */
    public String keep(long accountId, Purpose purpose, String path, Form form) {
        String id = randomId();
        long now = clock.instant().getEpochSecond();
        try (Connection connection = database.connect()) {
            try (PreparedStatement forget = connection.prepareStatement(
                    "DELETE FROM kept_form WHERE purpose = ? AND kept_at < ?")) {
                for (Purpose each : Purpose.values()) {
                    forget.setString(1, each.name());
                    forget.setLong(2, now - each.keptFor().toSeconds());
                    forget.executeUpdate();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO kept_form (id, account_id, purpose, path, fields, kept_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setLong(2, accountId);
                insert.setString(3, purpose.name());
                insert.setString(4, path);
                insert.setString(5, JSON.writeValueAsString(form.fields()));
                insert.setLong(6, now);
                insert.executeUpdate();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("the database is unavailable: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form fields always convert to JSON", e);
        }
    }

    /** The account's kept form with this id, unless it was forgotten or is too old. */
    public Optional<Kept> find(String id, long accountId) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return query("SELECT id, account_id, purpose, path, fields, kept_at FROM kept_form WHERE id = ? AND account_id = ?",
                id, accountId).stream().findFirst();
    }

    /** The account's kept forms of one purpose, oldest first. */
    public List<Kept> waiting(long accountId, Purpose purpose) {
        return query("SELECT id, account_id, purpose, path, fields, kept_at FROM kept_form WHERE account_id = ? AND purpose = ?"
                + " ORDER BY kept_at, id", accountId, purpose.name());
    }

    public void forget(String id, long accountId) {
        try (Connection connection = database.connect();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM kept_form WHERE id = ? AND account_id = ?")) {
            delete.setString(1, id);
            delete.setLong(2, accountId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the database is unavailable: " + e.getMessage(), e);
        }
    }

    private List<Kept> query(String sql, Object... parameters) {
        long now = clock.instant().getEpochSecond();
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<Kept> kept = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Purpose purpose = Purpose.valueOf(rows.getString(3));
                    long keptAt = rows.getLong(6);
                    if (now - keptAt <= purpose.keptFor().toSeconds()) {
                        kept.add(new Kept(rows.getString(1), rows.getLong(2), purpose, rows.getString(4),
                                new Form(JSON.readValue(rows.getString(5), new TypeReference<Map<String, List<String>>>() { })),
                                Instant.ofEpochSecond(keptAt)));
                    }
                }
            }
            return kept;
        } catch (SQLException e) {
            throw new IllegalStateException("the database is unavailable: " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept form is not readable: " + e.getMessage(), e);
        }
    }

    private static String randomId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
