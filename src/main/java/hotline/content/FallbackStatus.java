package hotline.content;

import hotline.catalog.Catalog;
import hotline.db.Database;
import hotline.voice.FallbackTwiml;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the fallback pasted into the TwiML Bin is the one the live content makes. Kept in the database (the
 * {@code hotline_setting} table): the fingerprint of the live content's fallback and the version it changed in,
 * recorded at every publish and at start-up; and the fingerprint an admin marked as pasted, with who and when.
 */
public final class FallbackStatus {
    static final String FINGERPRINT = "fallback.fingerprint";
    static final String CHANGED_IN = "fallback.changed_in";
    static final String PASTED = "fallback.pasted";
    static final String PASTED_BY = "fallback.pasted_by";
    static final String PASTED_AT = "fallback.pasted_at";

    private final Database database;
    private final Clock clock;

    /**
     * @param fingerprint the live content's fallback
     * @param changedIn   the version whose publish (or the start-up that first saw it) made this fallback, such as v7
     * @param pasted      the fallback an admin last marked as pasted into the TwiML Bin
     */
    public record Status(String fingerprint, String changedIn, Optional<String> pasted, Optional<String> pastedBy,
                         Optional<Instant> pastedAt) {
        /** The Bin holds what the live content makes. */
        public boolean upToDate() {
            return pasted.filter(fingerprint::equals).isPresent();
        }

        /** No one has ever marked a fallback as pasted on this hotline. */
        public boolean neverPasted() {
            return pasted.isEmpty();
        }
    }

    public FallbackStatus(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Notes the live content's fallback: if it differs from the one noted before, it changed in {@code live}'s version.
     * Called after every publish and at start-up (a new release may word the fallback differently).
     */
    public synchronized Status recordLive(Catalog live) {
        String fingerprint = FallbackTwiml.of(live).fingerprint();
        Map<String, String> stored = read();
        if (!fingerprint.equals(stored.get(FINGERPRINT))) {
            write(Map.of(FINGERPRINT, fingerprint, CHANGED_IN, live.version()));
            stored.put(FINGERPRINT, fingerprint);
            stored.put(CHANGED_IN, live.version());
        }
        return status(stored);
    }

    /**
     * Marks the fallback with {@code fingerprint} as pasted, if it is still the live one; otherwise changes nothing
     * (the content was published again while the admin was pasting) and answers false.
     */
    public synchronized boolean markPasted(Catalog live, String fingerprint, String by) {
        Status now = recordLive(live);
        if (!now.fingerprint().equals(fingerprint)) {
            return false;
        }
        write(Map.of(PASTED, fingerprint, PASTED_BY, by, PASTED_AT, clock.instant().toString()));
        return true;
    }

    private static Status status(Map<String, String> stored) {
        return new Status(stored.get(FINGERPRINT), stored.getOrDefault(CHANGED_IN, "?"),
                Optional.ofNullable(stored.get(PASTED)), Optional.ofNullable(stored.get(PASTED_BY)),
                Optional.ofNullable(stored.get(PASTED_AT)).map(Instant::parse));
    }

    private Map<String, String> read() {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT name, value FROM hotline_setting WHERE name LIKE 'fallback.%'");
             ResultSet rows = query.executeQuery()) {
            Map<String, String> values = new HashMap<>();
            while (rows.next()) {
                values.put(rows.getString(1), rows.getString(2));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the fallback's status: " + e.getMessage(), e);
        }
    }

    /** All of {@code values} or none of them. */
    private void write(Map<String, String> values) {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO hotline_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                for (Map.Entry<String, String> value : values.entrySet()) {
                    upsert.setString(1, value.getKey());
                    upsert.setString(2, value.getValue());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the fallback's status: " + e.getMessage(), e);
        }
    }
}
