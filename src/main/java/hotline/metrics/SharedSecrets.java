package hotline.metrics;

import hotline.db.Database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Several instances on one database: a call's webhooks may reach any of them, and its events must share one key, so
 * the day's secret is made once, at random, by whichever instance needs it first, and kept in the database's
 * {@code call_key_secret} table. Tomorrow's is made a day ahead, so that at midnight every instance already has it.
 * The first instance to see a new day empties the table (TRUNCATE, which leaves no dead rows behind in its file, as a
 * DELETE would) and puts back only today's and tomorrow's: once its day is over, a key can no longer be recomputed
 * from anything kept. (The trade-off, in the README: during its day the secret is in the database.)
 * <p>
 * Each instance reads the table again every minute, offering the secrets it has: if the table was emptied meanwhile
 * (the database crashed, or failed over to a standby, which never receives this UNLOGGED table), the instances put
 * back the secret they all use, and one that started since adopts it. While the database cannot be reached and no
 * secret for the day is at hand, a secret of this instance's own stands in (its events are being dropped anyway);
 * the shared one replaces it as soon as it can be read.
 */
final class SharedSecrets implements DailySecrets {
    private static final Logger log = LoggerFactory.getLogger(SharedSecrets.class);
    private static final long RETRY_NANOS = 5_000_000_000L;

    private final Database database;
    /** How often the table is read again while both secrets are at hand: a minute; tests shorten it. */
    private final long checkNanos;
    private final SecureRandom random = new SecureRandom();
    private final Map<LocalDate, byte[]> shared = new ConcurrentHashMap<>();
    private final MemorySecrets standIn = new MemorySecrets();
    private long nextCheckNanos = System.nanoTime();
    private long retryAfterNanos = System.nanoTime();

    SharedSecrets(Database database) {
        this(database, Duration.ofMinutes(1));
    }

    SharedSecrets(Database database, Duration checkEvery) {
        this.database = database;
        this.checkNanos = checkEvery.toNanos();
    }

    @Override
    public byte[] forDay(LocalDate day) {
        byte[] secret = shared.get(day);
        return secret != null ? secret : standIn.forDay(day);
    }

    @Override
    public synchronized void refresh(LocalDate today) {
        shared.keySet().removeIf(day -> day.isBefore(today));
        LocalDate tomorrow = today.plusDays(1);
        boolean atHand = shared.containsKey(today) && shared.containsKey(tomorrow);
        long now = System.nanoTime();
        if (now - retryAfterNanos < 0 || (atHand && now - nextCheckNanos < 0)) {
            return; // read every minute; after a failure, again a few seconds later, not at every event
        }
        try (Connection connection = database.connect()) {
            boolean daysBefore = holdsDaysBefore(connection, today);
            connection.setAutoCommit(false);
            if (daysBefore) {
                // Alone with the table from the start: two instances emptying it at once would wait for each other.
                try (Statement lock = connection.createStatement()) {
                    lock.execute("LOCK TABLE call_key_secret IN ACCESS EXCLUSIVE MODE");
                }
                daysBefore = holdsDaysBefore(connection, today);
            }
            Map<LocalDate, byte[]> read = new LinkedHashMap<>();
            for (LocalDate day : List.of(today, tomorrow)) {
                read.put(day, secretOf(connection, day));
            }
            if (daysBefore) {
                try (Statement empty = connection.createStatement()) {
                    empty.execute("TRUNCATE call_key_secret");
                }
                for (Map.Entry<LocalDate, byte[]> kept : read.entrySet()) {
                    offer(connection, kept.getKey(), kept.getValue());
                }
            }
            connection.commit();
            read.forEach((day, secret) -> {
                byte[] before = shared.put(day, secret);
                if (before != null && !Arrays.equals(before, secret)) {
                    log.warn("The call-key secret of {} in the database is not the one this instance used (was the "
                            + "database restored or failed over?); from now on it uses the database's", day);
                }
            });
            nextCheckNanos = System.nanoTime() + checkNanos;
        } catch (SQLException | RuntimeException e) {
            retryAfterNanos = System.nanoTime() + RETRY_NANOS;
            log.warn("Could not read today's secret for call keys from the database; this instance uses {} until it "
                    + "can ({})", shared.containsKey(today) ? "the one it read last" : "its own", e.toString());
        }
    }

    private static boolean holdsDaysBefore(Connection connection, LocalDate today) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM call_key_secret WHERE day < ?")) {
            query.setLong(1, today.toEpochDay());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        }
    }

    /**
     * The day's secret as the database has it, after offering the one this instance has (or a new one, made now):
     * the first offer stored wins, and every instance reads that one.
     */
    private byte[] secretOf(Connection connection, LocalDate day) throws SQLException {
        byte[] offered = shared.get(day);
        if (offered == null) {
            offered = new byte[32];
            random.nextBytes(offered);
        }
        offer(connection, day, offered);
        try (PreparedStatement read = connection.prepareStatement("SELECT secret FROM call_key_secret WHERE day = ?")) {
            read.setLong(1, day.toEpochDay());
            try (ResultSet row = read.executeQuery()) {
                row.next();
                return HexFormat.of().parseHex(row.getString(1));
            }
        }
    }

    private static void offer(Connection connection, LocalDate day, byte[] secret) throws SQLException {
        try (PreparedStatement make = connection.prepareStatement(
                "INSERT INTO call_key_secret (day, secret) VALUES (?, ?) ON CONFLICT (day) DO NOTHING")) {
            make.setLong(1, day.toEpochDay());
            make.setString(2, HexFormat.of().formatHex(secret));
            make.executeUpdate();
        }
    }
}
