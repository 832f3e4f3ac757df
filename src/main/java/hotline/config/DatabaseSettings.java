package hotline.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a PostgreSQL database is, for a hotline that shares its state with other instances. Without these settings the
 * hotline keeps everything in one SQLite file in its data directory.
 *
 * @param url      a JDBC URL such as {@code jdbc:postgresql://db.example.org:5432/hotline}
 * @param user     the database role; may also be given in the URL
 * @param password never logged, never shown (see {@link #toString()})
 */
public record DatabaseSettings(String url, Optional<String> user, Optional<String> password) {
    public static final String URL = "HOTLINE_DATABASE_URL";
    public static final String USER = "HOTLINE_DATABASE_USER";
    public static final String PASSWORD = "HOTLINE_DATABASE_PASSWORD";
    private static final String PREFIX = "jdbc:postgresql://";

    /** The settings from the environment; empty when no URL is set (SQLite), refused when only half set. */
    static Optional<DatabaseSettings> from(Map<String, String> env) {
        String url = env.get(URL);
        Optional<String> user = nonBlank(env.get(USER));
        Optional<String> password = Optional.ofNullable(env.get(PASSWORD)).filter(p -> !p.isEmpty());
        if (url == null || url.isBlank()) {
            if (user.isPresent() || password.isPresent()) {
                throw new ConfigException(URL, "is not set, but " + (user.isPresent() ? USER : PASSWORD) + " is: set "
                        + URL + " to the PostgreSQL database (jdbc:postgresql://host:5432/hotline), or unset both to keep "
                        + "the data in SQLite under the data directory");
            }
            return Optional.empty();
        }
        String trimmed = url.trim();
        String rest = trimmed.startsWith(PREFIX) ? trimmed.substring(PREFIX.length()) : "";
        if (!rest.matches("[^/?#\\s]+/[A-Za-z0-9_\\-]+(\\?\\S*)?")) {
            throw new ConfigException(URL, "\"" + shown(trimmed) + "\" is not a PostgreSQL JDBC URL; write it like "
                    + "jdbc:postgresql://db.example.org:5432/hotline (host, optional port, database name)");
        }
        String host = rest.substring(0, rest.indexOf('/')).replaceAll(":[0-9]*$", "");
        String sslmode = rest.matches(".*[?&]sslmode=[a-z-]+.*") ? rest.replaceAll(".*[?&]sslmode=([a-z-]+).*", "$1") : "";
        boolean verified = Set.of("verify-ca", "verify-full").contains(sslmode);
        if (!verified && !sslmode.equals("disable") && !Config.isLoopback(java.net.URI.create("http://" + host))) {
            // Left to itself, PostgreSQL's driver tries TLS and quietly falls back to sending everything in clear; and
            // with sslmode=require it encrypts without checking whom it talks to, so a machine in between could
            // read the password and all the data.
            throw new ConfigException(URL, "\"" + shown(trimmed) + "\" reaches a database on another machine without "
                    + "checking its certificate: add ?sslmode=verify-full&sslrootcert=/etc/ssl/certs/hotline-db-root.crt (the "
                    + "certificate of the authority that signed the database server's), or ?sslmode=disable only on a "
                    + "private network you trust");
        }
        return Optional.of(new DatabaseSettings(trimmed, user, password));
    }

    /** The URL without its query, which may hold a password: what logs and error messages may show. */
    public String shownUrl() {
        return shown(url);
    }

    private static String shown(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    private static Optional<String> nonBlank(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + shownUrl() + (user.isPresent() ? ", user " + user.get() : "") + "]";
    }
}
