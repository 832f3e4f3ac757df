package hotline.metrics;

import hotline.db.Database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Several instances on one database: a call's webhooks may reach any of them, and its events must share one key, so
 * the day's secret is made once, at random, by whichever instance needs it first, and kept in the database's
 * {@code call_key_secret} table. Tomorrow's is made a day ahead, so that at midnight every instance already has it.
 * An instance that sees a new day deletes the secrets of the days before: once its day is over, a key can no longer
 * be recomputed from anything kept. (The trade-off, in the README: during its day the secret is in the database, and
 * in any backup taken that day.)
 * <p>
 * While the database cannot be reached and no secret for the day is at hand, a secret of this instance's own stands
 * in (its events are being dropped anyway); the shared one replaces it as soon as it can be read.
 */
final class SharedSecrets implements DailySecrets {
    private static final Logger log = LoggerFactory.getLogger(SharedSecrets.class);
    private static final long RETRY_NANOS = 5_000_000_000L;

    private final Database database;
    private final SecureRandom random = new SecureRandom();
    private final Map<LocalDate, byte[]> shared = new ConcurrentHashMap<>();
    private final MemorySecrets standIn = new MemorySecrets();
    private long nextTryNanos = System.nanoTime();

    SharedSecrets(Database database) {
        this.database = database;
    }

    @Override
    public Optional<byte[]> forDay(LocalDate day) {
        byte[] secret = shared.get(day);
        return secret != null ? Optional.of(secret) : standIn.forDay(day);
    }

    @Override
    public synchronized void refresh(LocalDate today) {
        shared.keySet().removeIf(day -> day.isBefore(today));
        LocalDate tomorrow = today.plusDays(1);
        if ((shared.containsKey(today) && shared.containsKey(tomorrow)) || System.nanoTime() - nextTryNanos < 0) {
            return;
        }
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            for (LocalDate day : new LocalDate[]{today, tomorrow}) {
                shared.put(day, secretOf(connection, day));
            }
            try (PreparedStatement forget = connection.prepareStatement("DELETE FROM call_key_secret WHERE day < ?")) {
                forget.setLong(1, today.toEpochDay());
                forget.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            nextTryNanos = System.nanoTime() + RETRY_NANOS;
            log.warn("Could not read today's secret for call keys from the database; this instance uses its own until it "
                    + "can ({})", e.toString());
        }
    }

    /** The day's secret, made now if no instance made it yet (two instances racing both read the one that won). */
    private byte[] secretOf(Connection connection, LocalDate day) throws SQLException {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        try (PreparedStatement make = connection.prepareStatement(
                "INSERT INTO call_key_secret (day, secret) VALUES (?, ?) ON CONFLICT (day) DO NOTHING")) {
            make.setLong(1, day.toEpochDay());
            make.setString(2, HexFormat.of().formatHex(fresh));
            make.executeUpdate();
        }
        try (PreparedStatement read = connection.prepareStatement("SELECT secret FROM call_key_secret WHERE day = ?")) {
            read.setLong(1, day.toEpochDay());
            try (ResultSet row = read.executeQuery()) {
                row.next();
                return HexFormat.of().parseHex(row.getString(1));
            }
        }
    }
}
