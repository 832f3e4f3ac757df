package hotline.accounts;

import hotline.db.Database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Signed-in sessions, in the database so that any instance can serve them. The cookie holds a random token;
 * the database holds only its hash. A session ends at sign-out, after 30 idle minutes, or after 12 hours; one that
 * timed out is remembered for a day, opening nothing, so that what its author sent just after is not lost.
 */
public final class Sessions {
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration MAXIMUM_AGE = Duration.ofHours(12);
    /** last_seen_at is rewritten at most this often, so reading a page does not always write to the database. */
    private static final long TOUCH_EVERY_SECONDS = 60;
    /** How long a timed-out session is remembered, opening nothing, so that a form sent after it can be kept for its author. */
    private static final Duration LAPSED_KEPT = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final Clock clock;

    /** A live session: whose it is and the token its forms must carry. */
    public record Session(String tokenHash, long accountId, String csrfToken) {
    }

    /** A session just started: the token for the cookie (never stored) and the session. */
    public record Started(String token, Session session) {
    }

    public Sessions(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Started start(Account account) {
        String token = randomToken();
        Session session = new Session(hash(token), account.id(), randomToken());
        long now = clock.instant().getEpochSecond();
        update("DELETE FROM admin_session WHERE last_seen_at < ? OR created_at < ?", now - IDLE_TIMEOUT.toSeconds() - LAPSED_KEPT.toSeconds(),
                now - MAXIMUM_AGE.toSeconds() - LAPSED_KEPT.toSeconds());
        update("INSERT INTO admin_session (token_hash, account_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                session.tokenHash(), account.id(), session.csrfToken(), now, now);
        return new Started(token, session);
    }

    /** The live session for a cookie's token; an expired one is deleted. */
    public Optional<Session> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String tokenHash = hash(token);
        long now = clock.instant().getEpochSecond();
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT account_id, csrf_token, created_at, last_seen_at FROM admin_session WHERE token_hash = ?")) {
            query.setString(1, tokenHash);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long created = row.getLong(3);
                long lastSeen = row.getLong(4);
                if (now - lastSeen > IDLE_TIMEOUT.toSeconds() || now - created > MAXIMUM_AGE.toSeconds()) {
                    return Optional.empty(); // opens nothing; kept a while for lapsed(), then deleted at a sign-in
                }
                if (now - lastSeen >= TOUCH_EVERY_SECONDS) {
                    update("UPDATE admin_session SET last_seen_at = ? WHERE token_hash = ?", now, tokenHash);
                }
                return Optional.of(new Session(tokenHash, row.getLong(1), row.getString(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sessions are unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * The session a cookie names if its time ran out (idle, or too old) less than a day ago and it was never ended:
     * whose it was and its form token. A form sent just after a session timed out, carrying that session's token, is
     * then known to come from its author's own page, and is kept for them (see {@link SessionEnd}). Opens nothing.
     */
    public Optional<Session> lapsed(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        long now = clock.instant().getEpochSecond();
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT account_id, csrf_token, created_at, last_seen_at FROM admin_session WHERE token_hash = ?")) {
            query.setString(1, hash(token));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                boolean timedOut = now - row.getLong(4) > IDLE_TIMEOUT.toSeconds() || now - row.getLong(3) > MAXIMUM_AGE.toSeconds();
                boolean recently = now - row.getLong(4) <= IDLE_TIMEOUT.toSeconds() + LAPSED_KEPT.toSeconds();
                return timedOut && recently ? Optional.of(new Session(hash(token), row.getLong(1), row.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sessions are unavailable: " + e.getMessage(), e);
        }
    }

    public void end(String token) {
        update("DELETE FROM admin_session WHERE token_hash = ?", hash(token));
    }

    /** Signs an account out everywhere: after a password change, a reset, or when it is disabled. */
    public void endAllOf(Account account) {
        update("DELETE FROM admin_session WHERE account_id = ?", account.id());
    }

    /** Ends every session of the account but {@code keep}: the one that just changed its password. */
    public void endOthersOf(Account account, Session keep) {
        update("DELETE FROM admin_session WHERE account_id = ? AND token_hash <> ?", account.id(), keep.tokenHash());
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("sessions are unavailable: " + e.getMessage(), e);
        }
    }
}
