package hotline.accounts;

import hotline.db.Database;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The throttle's entries in the database that several instances share ({@code login_throttle}), so that an attempt
 * counted by one is seen by all. Each update reads and writes its row in one transaction, the row locked meanwhile,
 * so that parallel attempts on different instances are counted one after the other, as in memory. Keys are stored
 * as an HMAC under a key of the database's: no account name or address is kept in clear, nor can one be found by
 * trying them all. Forgotten entries are deleted once a minute, and at most {@link #MOST_ROWS} are kept.
 */
final class DatabaseThrottleStore implements LoginThrottle.Store {
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    /** More than the memory store's bound, since several instances share it; a row is about a hundred bytes. */
    static final int MOST_ROWS = 100_000;

    private final Database database;
    private final byte[] hashKey;
    private final AtomicLong lastSweepMillis = new AtomicLong();

    DatabaseThrottleStore(Database database) {
        this.database = database;
        this.hashKey = SecretSetting.in(database, "throttle_key");
    }

    @Override
    public LoginThrottle.Entry update(String key, long now, UnaryOperator<LoginThrottle.Entry> change) {
        String hashed = hashed(key);
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            sweep(connection, now);
            // Created if new, and locked either way, in one statement: no other instance can slip in between (a row
            // deleted meanwhile by another's success would otherwise leave this attempt uncounted).
            LoginThrottle.Entry before;
            try (PreparedStatement lock = connection.prepareStatement("INSERT INTO login_throttle (throttle_key, attempts, "
                    + "blocked_until, last_attempt) VALUES (?, 0, 0, ?) ON CONFLICT (throttle_key) DO UPDATE SET "
                    + "throttle_key = excluded.throttle_key RETURNING attempts, blocked_until, last_attempt")) {
                lock.setString(1, hashed);
                lock.setLong(2, now);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    before = row.getInt(1) == 0 ? null : new LoginThrottle.Entry(row.getInt(1), row.getLong(2), row.getLong(3));
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

    /**
     * Once a minute, forgets what no longer blocks and has not been tried for an hour; under a flood of names or
     * addresses that all block, at most {@link #MOST_ROWS} are kept, the most recently tried.
     */
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
        try (PreparedStatement cap = connection.prepareStatement("DELETE FROM login_throttle WHERE last_attempt < "
                + "(SELECT last_attempt FROM login_throttle ORDER BY last_attempt DESC LIMIT 1 OFFSET ?)")) {
            cap.setInt(1, MOST_ROWS);
            cap.executeUpdate();
        }
        connection.commit();
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

    /** A keyed hash: without the key (in the database's settings), not even every IPv4 address tried would match one. */
    private String hashed(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
