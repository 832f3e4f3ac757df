package hotline.accounts;

import hotline.db.Database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The throttle's entries in the database that several instances share ({@code login_throttle}), so that an attempt
 * counted by one is seen by all. Each update reads and writes its row in one transaction, the row locked meanwhile,
 * so that parallel attempts on different instances are counted one after the other, as in memory. Keys are stored
 * as their SHA-256: no account name or address is kept in clear. Forgotten entries are deleted once a minute.
 */
final class DatabaseThrottleStore implements LoginThrottle.Store {
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Database database;
    private final AtomicLong lastSweepMillis = new AtomicLong();

    DatabaseThrottleStore(Database database) {
        this.database = database;
    }

    @Override
    public LoginThrottle.Entry update(String key, long now, UnaryOperator<LoginThrottle.Entry> change) {
        String hashed = sha256(key);
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            sweep(connection, now);
            // The row exists before it is locked, so that two first attempts at once cannot both start from nothing.
            try (PreparedStatement create = connection.prepareStatement("INSERT INTO login_throttle (throttle_key, "
                    + "attempts, blocked_until, last_attempt) VALUES (?, 0, 0, ?) ON CONFLICT (throttle_key) DO NOTHING")) {
                create.setString(1, hashed);
                create.setLong(2, now);
                create.executeUpdate();
            }
            LoginThrottle.Entry before = null;
            try (PreparedStatement read = connection.prepareStatement("SELECT attempts, blocked_until, last_attempt "
                    + "FROM login_throttle WHERE throttle_key = ?" + (database.shared() ? " FOR UPDATE" : ""))) {
                read.setString(1, hashed);
                try (ResultSet row = read.executeQuery()) {
                    if (row.next() && row.getInt(1) > 0) {
                        before = new LoginThrottle.Entry(row.getInt(1), row.getLong(2), row.getLong(3));
                    }
                }
            }
            LoginThrottle.Entry after = change.apply(before);
            if (after == null) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM login_throttle WHERE throttle_key = ?")) {
                    delete.setString(1, hashed);
                    delete.executeUpdate();
                }
            } else {
                try (PreparedStatement write = connection.prepareStatement("UPDATE login_throttle SET attempts = ?, "
                        + "blocked_until = ?, last_attempt = ? WHERE throttle_key = ?")) {
                    write.setInt(1, after.count());
                    write.setLong(2, after.blockedUntilNanos());
                    write.setLong(3, after.lastNanos());
                    write.setString(4, hashed);
                    write.executeUpdate();
                }
            }
            connection.commit();
            return after;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the sign-in attempt in the database: " + e.getMessage(), e);
        }
    }

    private void sweep(Connection connection, long now) throws SQLException {
        long last = lastSweepMillis.get();
        long nowMillis = now / 1_000_000L;
        if (nowMillis - last < SWEEP_EVERY.toMillis() || !lastSweepMillis.compareAndSet(last, nowMillis)) {
            return;
        }
        try (PreparedStatement forget = connection.prepareStatement(
                "DELETE FROM login_throttle WHERE blocked_until <= ? AND last_attempt < ?")) {
            forget.setLong(1, now);
            forget.setLong(2, now - LoginThrottle.FORGOTTEN_AFTER.toNanos());
            forget.executeUpdate();
        }
    }

    @Override
    public int size() {
        try (Connection connection = database.connect();
             ResultSet row = connection.createStatement().executeQuery("SELECT COUNT(*) FROM login_throttle")) {
            row.next();
            return row.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long retainedCharacters() {
        return 64L * size();
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
