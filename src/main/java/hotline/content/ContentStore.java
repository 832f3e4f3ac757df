package hotline.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import hotline.catalog.CatalogSource;
import hotline.db.Database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Published versions of the content and the one shared draft, in the database. */
public final class ContentStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final Clock clock;

    /** A published version, without its content. */
    public record Version(long id, Instant publishedAt, String publishedBy, String note, Optional<Long> restores) {
        public String label() {
            return "v" + id;
        }
    }

    /**
     * The draft: its content, the version it started from, and its last change.
     *
     * @param revision a fingerprint of the stored content: it changes with every edit that changes something
     */
    public record Draft(CatalogSource content, long basedOn, Instant updatedAt, String updatedBy, String revision) {
    }

    public ContentStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Optional<Version> latest() {
        List<Version> all = query("SELECT id, published_at, published_by, note, restores FROM catalog_version ORDER BY id DESC LIMIT 1");
        return all.stream().findFirst();
    }

    /** Newest first. */
    public List<Version> versions() {
        return query("SELECT id, published_at, published_by, note, restores FROM catalog_version ORDER BY id DESC");
    }

    public Optional<Version> version(long id) {
        return versions().stream().filter(v -> v.id() == id).findFirst();
    }

    /** The content of a published version, labelled with its version ({@code v7}). */
    public Optional<CatalogSource> content(long id) {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("SELECT content FROM catalog_version WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(fromJson(rows.getString(1), "v" + id)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ContentStoreException(e);
        }
    }

    /**
     * Stores {@code content} as a new published version and makes it the draft too, in one transaction, whatever the
     * draft holds: for the hotline itself, at start-up, before anyone can edit.
     *
     * @param restores for a rollback, the earlier version published again
     */
    public synchronized long publish(CatalogSource content, String by, String note, Optional<Long> restores) {
        return publish(content, by, note, restores, Optional.empty(), draft -> content);
    }

    /**
     * Stores {@code content} as a new published version and, in the same transaction, makes the draft what
     * {@code draftAfter} makes of the current one (a publish makes it the content; a rollback may keep the draft's
     * own changes), if the draft is still the one read when this publish began: an edit saved meanwhile (while the
     * content was being validated) would otherwise be overwritten without a word.
     *
     * @param restores   for a rollback, the earlier version published again
     * @param draftRead  the {@link Draft#revision()} of the draft when the publish began; empty to skip the check
     * @param draftAfter what the draft becomes, from the draft as it is
     * @throws DraftChangedException when the draft changed since: nothing was stored
     */
    public synchronized long publish(CatalogSource content, String by, String note, Optional<Long> restores,
                                     Optional<String> draftRead, UnaryOperator<CatalogSource> draftAfter) {
        String json = toJson(content);
        String draftJson = toJson(hasDraft() ? draftAfter.apply(draft().content()) : content);
        String now = clock.instant().toString();
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            // The draft is locked first: a write, so it takes SQLite's write lock (waiting for it if need be; a read
            // first would fail the transaction in a busy moment of the event writer instead), or the draft's row on
            // PostgreSQL. Publishes on any instance are then stored one after the other, each numbered after the
            // last one committed, and the draft read below is the latest until the commit.
            lockDraft(connection);
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO catalog_version (content, published_at, published_by, note, restores) VALUES (?, ?, ?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, json);
                insert.setString(2, now);
                insert.setString(3, by);
                insert.setString(4, note);
                if (restores.isPresent()) {
                    insert.setLong(5, restores.get());
                } else {
                    insert.setNull(5, java.sql.Types.INTEGER);
                }
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            if (draftRead.isPresent()) {
                Draft current = draft(connection);
                if (!current.revision().equals(draftRead.get())) {
                    connection.rollback();
                    throw new DraftChangedException(current);
                }
            }
            writeDraft(connection, draftJson, id, now, by);
            connection.commit();
            return id;
        } catch (SQLException e) {
            throw new ContentStoreException(e);
        }
    }

    private boolean hasDraft() {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM catalog_draft WHERE id = 1");
             ResultSet rows = query.executeQuery()) {
            return rows.next();
        } catch (SQLException e) {
            throw new ContentStoreException(e);
        }
    }

    public synchronized Draft draft() {
        try (Connection connection = database.connect()) {
            return draft(connection);
        } catch (SQLException e) {
            throw new ContentStoreException(e);
        }
    }

    private static Draft draft(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT content, based_on, updated_at, updated_by FROM catalog_draft WHERE id = 1");
             ResultSet rows = query.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("there is no draft before the first version is published");
            }
            String json = rows.getString(1);
            return new Draft(fromJson(json, "draft"), rows.getLong(2), Instant.parse(rows.getString(3)),
                    rows.getString(4), revision(json));
        }
    }

    private static String revision(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Changes the draft: reads it, applies {@code change}, writes it back, one change at a time, the draft locked in
     * between, so that two admins saving at once (on two instances, even) never lose either change.
     */
    public synchronized Draft updateDraft(String by, UnaryOperator<CatalogSource> change) {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            lockDraft(connection);
            Draft current = draft(connection);
            CatalogSource changed = change.apply(current.content());
            writeDraft(connection, toJson(changed), current.basedOn(), clock.instant().toString(), by);
            connection.commit();
        } catch (SQLException e) {
            throw new ContentStoreException(e);
        }
        return draft();
    }

    /**
     * Locks the draft until the transaction ends: a write that changes nothing, which on PostgreSQL locks its row and on
     * SQLite takes the database's write lock (waiting for either if someone else holds it).
     */
    private static void lockDraft(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("UPDATE catalog_draft SET id = id WHERE id = 1")) {
            lock.executeUpdate();
        }
    }

    private static void writeDraft(Connection connection, String json, long basedOn, String at, String by) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO catalog_draft (id, content, based_on, updated_at, updated_by) VALUES (1, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET content = excluded.content, based_on = excluded.based_on,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")) {
            upsert.setString(1, json);
            upsert.setLong(2, basedOn);
            upsert.setString(3, at);
            upsert.setString(4, by);
            upsert.executeUpdate();
        }
    }

    private List<Version> query(String sql) {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            List<Version> versions = new ArrayList<>();
            while (rows.next()) {
                long restores = rows.getLong(5);
                versions.add(new Version(rows.getLong(1), Instant.parse(rows.getString(2)), rows.getString(3),
                        rows.getString(4), rows.wasNull() ? Optional.empty() : Optional.of(restores)));
            }
            return versions;
        } catch (SQLException e) {
            throw new ContentStoreException(e);
        }
    }

    private static String toJson(CatalogSource content) {
        try {
            return JSON.writeValueAsString(content.withVersion(null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("content always converts to JSON", e);
        }
    }

    private static CatalogSource fromJson(String json, String label) {
        try {
            return JSON.readValue(json, CatalogSource.class).withVersion(label);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored content is not readable: " + e.getMessage(), e);
        }
    }

    /** The draft changed while a publish was under way; nothing was published, and the change is kept. */
    public static final class DraftChangedException extends RuntimeException {
        private final Draft draft;

        DraftChangedException(Draft draft) {
            super("the draft was changed by " + draft.updatedBy() + " at " + draft.updatedAt() + " while it was being published");
            this.draft = draft;
        }

        /** The draft as it is now, with who changed it last and when. */
        public Draft draft() {
            return draft;
        }
    }

    /** The database could not be read or written; nothing was changed. */
    public static final class ContentStoreException extends RuntimeException {
        ContentStoreException(SQLException cause) {
            super("the content database is unavailable: " + cause.getMessage(), cause);
        }
    }
}
