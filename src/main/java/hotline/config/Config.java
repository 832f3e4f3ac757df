package hotline.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an operator sets, read once from the environment. A bad value stops start-up with a message that
 * names the variable; nothing has a default that is unsafe.
 *
 * @param publicUrl        the base URL Twilio uses to reach us; webhook signatures are checked against it
 * @param twilioAuthToken  absent means local mode: loopback only, with a token made fresh at each start
 * @param trustedProxies   the reverse proxies whose X-Forwarded-For tells who signs in; none by default
 * @param database         a PostgreSQL database shared by several instances; absent means SQLite in {@code dataDir}
 */
public record Config(int port, URI publicUrl, Optional<String> twilioAuthToken, Path dataDir, Path promptsDir,
                     Duration retention, int smallCountThreshold, Optional<String> metricsToken,
                     TrustedProxies trustedProxies, Optional<DatabaseSettings> database) {
    public static final String PORT = "HOTLINE_PORT";
    public static final String PUBLIC_URL = "HOTLINE_PUBLIC_URL";
    public static final String AUTH_TOKEN = "TWILIO_AUTH_TOKEN";
    public static final String DATA_DIR = "HOTLINE_DATA_DIR";
    public static final String PROMPTS_DIR = "HOTLINE_PROMPTS_DIR";
    public static final String RETENTION_DAYS = "HOTLINE_RETENTION_DAYS";
    public static final int DEFAULT_RETENTION_DAYS = 90;
    public static final String SMALL_COUNT_THRESHOLD = "HOTLINE_SMALL_COUNT_THRESHOLD";
    public static final int DEFAULT_SMALL_COUNT_THRESHOLD = 5;
    public static final int DEFAULT_PORT = 8080;
    /** Read by logback.xml, checked here so that a typo stops the hotline instead of silencing its logs. */
    public static final String LOG_FORMAT = "HOTLINE_LOG_FORMAT";
    /** The bearer token Prometheus sends for /metrics; without it, /metrics answers this machine only. */
    public static final String METRICS_TOKEN = "HOTLINE_METRICS_TOKEN";
    /** {@code 1} lets a hotline with a Twilio token have an http public URL: for a test tunnel only, never live. */
    public static final String ALLOW_HTTP = "HOTLINE_ALLOW_HTTP";
    /** Reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For is believed; by default none. */
    public static final String TRUSTED_PROXIES = "HOTLINE_TRUSTED_PROXIES";

    public static Config fromEnvironment() {
        return fromMap(System.getenv());
    }

    /** Reads the same variables from a map, so tests need no environment. */
    public static Config fromMap(Map<String, String> env) {
        int port = port(env.get(PORT));
        URI publicUrl = publicUrl(env.get(PUBLIC_URL), port);
        Optional<String> token = authToken(env.get(AUTH_TOKEN));
        checkPublicUrlFitsMode(env.get(PUBLIC_URL), publicUrl, token.isPresent(), allowHttp(env.get(ALLOW_HTTP)));
        Path dataDir = Path.of(env.getOrDefault(DATA_DIR, "./data")).toAbsolutePath().normalize();
        Path promptsDir = Path.of(env.getOrDefault(PROMPTS_DIR, "./prompts")).toAbsolutePath().normalize();
        checkLogFormat(env.get(LOG_FORMAT));
        return new Config(port, publicUrl, token, dataDir, promptsDir, retention(env.get(RETENTION_DAYS)),
                smallCountThreshold(env.get(SMALL_COUNT_THRESHOLD)), metricsToken(env.get(METRICS_TOKEN)),
                trustedProxies(env.get(TRUSTED_PROXIES)), DatabaseSettings.from(env));
    }

    /** The same settings with another database: for tests, and for a command that copies from one to the other. */
    public Config withDatabase(Optional<DatabaseSettings> other) {
        return new Config(port, publicUrl, twilioAuthToken, dataDir, promptsDir, retention, smallCountThreshold,
                metricsToken, trustedProxies, other);
    }

    /** Without a Twilio token nothing outside this machine may reach the hotline. */
    public boolean localMode() {
        return twilioAuthToken.isEmpty();
    }

    public String bindHost() {
        return localMode() ? "127.0.0.1" : "0.0.0.0";
    }

    private static int port(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(PORT, "\"" + text + "\" is not a port number (1 to 65535, or 0 for any free port)");
    }

    /** How long raw call events are kept; the hourly rollups stay. */
    private static Duration retention(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ofDays(DEFAULT_RETENTION_DAYS);
        }
        if (text.trim().matches("[0-9]{1,4}") && Integer.parseInt(text.trim()) >= 1) {
            return Duration.ofDays(Integer.parseInt(text.trim()));
        }
        throw new ConfigException(RETENTION_DAYS, "\"" + text + "\" must be a number of days from 1 to 9999");
    }

    /** Dashboards show a count below this only as "fewer than N", so that no single caller stands out. */
    private static int smallCountThreshold(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_SMALL_COUNT_THRESHOLD;
        }
        if (text.trim().matches("[0-9]{1,3}") && Integer.parseInt(text.trim()) >= 2 && Integer.parseInt(text.trim()) <= 100) {
            return Integer.parseInt(text.trim());
        }
        throw new ConfigException(SMALL_COUNT_THRESHOLD, "\"" + text + "\" must be a whole number from 2 to 100");
    }

    private static URI publicUrl(String text, int port) {
        if (text == null || text.isBlank()) {
            return URI.create("http://127.0.0.1:" + port);
        }
        return parsePublicUrl(text);
    }

    /** A {@value #PUBLIC_URL} as typed, checked: an http(s) address without query, its trailing slash dropped. */
    public static URI parsePublicUrl(String text) {
        try {
            URI uri = new URI(text.trim().replaceAll("/+$", ""));
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (web && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null
                    && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ConfigException(PUBLIC_URL, "\"" + text + "\" must be the http(s) address Twilio calls, "
                + "like https://hotline.example.org, without a query");
    }

    /**
     * With a Twilio token, the public URL is where Twilio sends what callers press: it must be https (TLS in front of
     * the hotline), unless {@value #ALLOW_HTTP} says this is a test tunnel. Without one, the hotline runs in local mode
     * and refuses every call from elsewhere, so a public address there is a mistake that would otherwise go unnoticed.
     */
    private static void checkPublicUrlFitsMode(String typed, URI publicUrl, boolean twilioToken, boolean allowHttp) {
        boolean set = typed != null && !typed.isBlank();
        if (twilioToken && !set && !allowHttp) {
            throw new ConfigException(PUBLIC_URL, "is not set: with " + AUTH_TOKEN + " set the hotline answers Twilio, "
                    + "so set it to the https address Twilio calls, such as https://hotline.example.org");
        }
        if (twilioToken && set && publicUrl.getScheme().equals("http") && !allowHttp) {
            throw new ConfigException(PUBLIC_URL, "\"" + typed.trim() + "\" is http: Twilio would send what callers press "
                    + "unencrypted; put TLS in front of the hotline (README, Going live) and use its https address, or set "
                    + ALLOW_HTTP + "=1 for a test tunnel only");
        }
        if (!twilioToken && set && !isLoopback(publicUrl)) {
            throw new ConfigException(PUBLIC_URL, "\"" + typed.trim() + "\" is an address for Twilio, but " + AUTH_TOKEN
                    + " is not set, so the hotline would run in local mode and refuse every call: set " + AUTH_TOKEN
                    + " to the Twilio account's Auth Token, or unset " + PUBLIC_URL + " to run locally");
        }
    }

    /** This machine: {@code localhost} or a loopback address written as such (no name is looked up). */
    public static boolean isLoopback(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.endsWith(".localhost") || host.matches("127(\\.[0-9]{1,3}){3}")
                || host.equals("[::1]") || host.equals("::1");
    }

    private static boolean allowHttp(String text) {
        if (text == null || text.isBlank() || text.trim().equals("0")) {
            return false;
        }
        if (text.trim().equals("1")) {
            return true;
        }
        throw new ConfigException(ALLOW_HTTP, "\"" + text + "\" must be 1 (allow an http public URL, for a test tunnel "
                + "only) or 0");
    }

    /**
     * With a Twilio token, the data directory must be readable by its owner only: it holds password hashes, the audit
     * log and call statistics. Called at start-up, once the directory exists.
     */
    public void requirePrivateDataDir() {
        if (localMode()) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(dataDir);
        } catch (UnsupportedOperationException e) {
            return;
        } catch (IOException e) {
            throw new ConfigException(DATA_DIR, "\"" + dataDir + "\" cannot be read: " + e.getMessage());
        }
        boolean othersToo = permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"));
        if (othersToo) {
            throw new ConfigException(DATA_DIR, "\"" + dataDir + "\" is open to others ("
                    + PosixFilePermissions.toString(permissions) + "), and it holds password hashes "
                    + "and the audit log: make it the hotline's own with chmod 700 " + dataDir);
        }
    }

    private static void checkLogFormat(String text) {
        if (text != null && !text.equals("text") && !text.equals("json")) {
            throw new ConfigException(LOG_FORMAT, "\"" + text + "\" must be text (the default) or json");
        }
    }

    /** Long enough not to be guessed: it guards figures such as how many calls are in progress right now. */
    private static Optional<String> metricsToken(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.trim().length() < 24 || text.trim().chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException(METRICS_TOKEN, "must be at least 24 characters without spaces; unset it to serve "
                    + "/metrics to this machine only");
        }
        return Optional.of(text.trim());
    }

    private static TrustedProxies trustedProxies(String text) {
        try {
            return TrustedProxies.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(TRUSTED_PROXIES, e.getMessage() + "; list the addresses of your reverse proxies, "
                    + "separated by commas, or unset it if requests reach the hotline directly");
        }
    }

    private static Optional<String> authToken(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String token = text.trim();
        if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException(AUTH_TOKEN, "is set but empty or contains spaces; unset it to run in local mode");
        }
        if (token.startsWith("AC") && token.length() == 34) {
            throw new ConfigException(AUTH_TOKEN, "looks like an Account SID (AC...); use the account's Auth Token");
        }
        return Optional.of(token);
    }
}
