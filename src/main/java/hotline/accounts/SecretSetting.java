package hotline.accounts;

import hotline.db.Database;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

/**
 * A random key kept in the database's settings, made once per database: the first instance to need it writes it,
 * every other reads the same one, and it outlives restarts. Keys for signing device cookies and for hashing what
 * the sign-in throttle counts.
 */
final class SecretSetting {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretSetting() {
    }

    static byte[] in(Database database, String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO hotline_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING");
             PreparedStatement select = connection.prepareStatement("SELECT value FROM hotline_setting WHERE name = ?")) {
            insert.setString(1, name);
            insert.setString(2, Base64.getEncoder().encodeToString(fresh));
            insert.executeUpdate();
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return Base64.getDecoder().decode(row.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the key " + name + ": " + e.getMessage(), e);
        }
    }
}
