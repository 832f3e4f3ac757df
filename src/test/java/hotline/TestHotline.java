package hotline;

import hotline.accounts.Account;
import hotline.accounts.Accounts;
import hotline.accounts.PasswordHasher;
import hotline.accounts.Role;
import hotline.catalog.Catalog;
import hotline.catalog.PublishedCatalog;
import hotline.config.Config;
import hotline.config.DatabaseSettings;
import hotline.content.ContentStore;
import hotline.config.TrustedProxies;
import hotline.db.Database;
import hotline.simulator.CallRecord;
import hotline.simulator.ScriptedCaller;
import hotline.simulator.SimulatedCall;
import hotline.simulator.TwilioSigner;
import hotline.web.AdminLanes;

import io.javalin.Javalin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A real hotline on a real port, started by {@link App#start} like production, reached through a different public
 * URL than its own address (as behind Twilio's view of a proxy), with calls played by the simulator.
 */
public final class TestHotline implements AutoCloseable {
    public static final String PUBLIC_URL = "https://hotline.test";
    public static final String TOKEN = "0123456789abcdef0123456789abcdef";
    public static final String HOTLINE_NUMBER = "+15555550199";
    public static final String METRICS_TOKEN = "test-metrics-token-0123456789";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";
    public static final Path SEED_PROMPTS = Path.of("prompts");
    /** A Wednesday at 10:00 in Los Angeles, when every office in the seed content is open. */
    public static final LocalDateTime OFFICE_HOURS = LocalDateTime.of(2026, 12, 2, 10, 0);
    public static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    public final Javalin app;
    public final PublishedCatalog catalog;
    public final Database database;
    public final Path dataDir;
    /** How it was configured: its database among the rest. */
    public final Config config;
    private final HttpClient http = HttpClient.newHttpClient();

    public final Clock clock;
    public final String publicUrl;
    /** Where this hotline hashes passwords and does heavy admin work: tests can fill them. */
    public final AdminLanes lanes;

    private TestHotline(Javalin app, PublishedCatalog catalog, Database database, Config config, Clock clock,
                        AdminLanes lanes) {
        this.publicUrl = config.publicUrl().toString();
        this.lanes = lanes;
        this.app = app;
        this.catalog = catalog;
        this.database = database;
        this.dataDir = config.dataDir();
        this.config = config;
        this.clock = clock;
    }

    private static TestHotline shared;

    /** One seed hotline at office hours for every test class that only makes calls; stopped when the JVM exits. */
    public static synchronized TestHotline shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static TestHotline start() {
        return start(OFFICE_HOURS);
    }

    /** The seed content from {@code prompts/}, with the clock stopped at {@code localTime} in Los Angeles. */
    public static TestHotline start(LocalDateTime localTime) {
        return start(Clock.fixed(localTime.atZone(LOS_ANGELES).toInstant(), ZoneId.of("UTC")));
    }

    /** A fresh data directory and database; the first version is published from {@code prompts/}, as at first start. */
    public static TestHotline start(Clock clock) {
        return start(clock, PUBLIC_URL, 0, TrustedProxies.NONE, Optional.of(METRICS_TOKEN));
    }

    /** In production mode (a Twilio token is set) with no metrics token configured. */
    public static TestHotline startWithoutMetricsToken() {
        return start(Clock.fixed(OFFICE_HOURS.atZone(LOS_ANGELES).toInstant(), ZoneId.of("UTC")), PUBLIC_URL, 0,
                TrustedProxies.NONE, Optional.empty());
    }

    /** As behind a reverse proxy on this machine: X-Forwarded-For from 127.0.0.1 names the client. */
    public static TestHotline startBehindProxy() {
        return start(Clock.fixed(OFFICE_HOURS.atZone(LOS_ANGELES).toInstant(), ZoneId.of("UTC")), PUBLIC_URL, 0,
                TrustedProxies.parse("127.0.0.1"), Optional.of(METRICS_TOKEN));
    }

    /**
     * A hotline whose public URL is its own loopback address, as in local mode: for a real browser, which keeps
     * the cookies of an http page only when they are not marked Secure.
     */
    public static TestHotline startForBrowser(Clock clock) {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(clock, "http://127.0.0.1:" + port, port, TrustedProxies.NONE, Optional.of(METRICS_TOKEN));
    }

    /**
     * A hotline behind a reverse proxy on this machine whose address is {@code publicUrl}, as in production: the
     * proxy is trusted to name the client, and /metrics needs its token.
     */
    public static TestHotline startBehind(String publicUrl) {
        return start(Clock.fixed(OFFICE_HOURS.atZone(LOS_ANGELES).toInstant(), ZoneId.of("UTC")), publicUrl, 0,
                TrustedProxies.parse("127.0.0.1"), Optional.of(METRICS_TOKEN));
    }

    private static TestHotline start(Clock clock, String publicUrl, int port, TrustedProxies proxies,
                                     Optional<String> metricsToken) {
        return start(config(publicUrl, port, proxies, metricsToken, TestDatabases.settingsForNewHotline()), clock);
    }

    /** On SQLite, whichever engine the storage tests run on: for what only SQLite has (a file to copy from, say). */
    public static TestHotline startOnSqlite() {
        return start(config(PUBLIC_URL, 0, TrustedProxies.NONE, Optional.of(METRICS_TOKEN), Optional.empty()),
                Clock.fixed(OFFICE_HOURS.atZone(LOS_ANGELES).toInstant(), ZoneId.of("UTC")));
    }

    /**
     * One of several instances sharing {@code database}: the same public URL and Twilio token as every other, a data
     * directory of its own, at office hours.
     */
    public static TestHotline instanceOn(DatabaseSettings database) {
        return start(config(PUBLIC_URL, 0, TrustedProxies.NONE, Optional.of(METRICS_TOKEN), Optional.of(database)),
                Clock.fixed(OFFICE_HOURS.atZone(LOS_ANGELES).toInstant(), ZoneId.of("UTC")));
    }

    private static Config config(String publicUrl, int port, TrustedProxies proxies, Optional<String> metricsToken,
                                 Optional<DatabaseSettings> database) {
        try {
            Path dataDir = Files.createTempDirectory("hotline-test-data");
            return new Config(port, URI.create(publicUrl), Optional.of(TOKEN), dataDir, SEED_PROMPTS,
                    Duration.ofDays(Config.DEFAULT_RETENTION_DAYS), Config.DEFAULT_SMALL_COUNT_THRESHOLD,
                    metricsToken, proxies, database);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hotline with these settings: for instance a second one on the same PostgreSQL database as another. */
    public static TestHotline start(Config config, Clock clock) {
        // The same start as scripts/run: the data directory locked, the first version published, the fallback noted.
        RunningHotline running = App.start(config, clock);
        return new TestHotline(running.app(), running.catalog(), running.database(), config, clock, running.lanes());
    }

    /** Adds an account directly in the database, as {@code scripts/hotline user add} would. */
    /** An admin account "maria" with {@link #ADMIN_PASSWORD}, signed in: where most tests of the console begin. */
    public WebClient signedInAdmin() {
        addAccount("maria", Role.ADMIN, ADMIN_PASSWORD);
        WebClient admin = browser();
        if (admin.signIn("maria", ADMIN_PASSWORD).statusCode() != 303) {
            throw new AssertionError("maria could not sign in");
        }
        return admin;
    }

    /** The store of this hotline's content versions and draft. */
    public ContentStore content() {
        return new ContentStore(database, clock);
    }

    public Account addAccount(String name, Role role, String password) {
        return new Accounts(database, new PasswordHasher(), clock).create(name, role, password, false);
    }

    /** A browser-like client of pages at {@code base} (a load balancer's, say), with its own cookies. */
    public static WebClient browserAt(String base) {
        return new WebClient(base);
    }

    /** A browser-like client of this hotline's pages, with its own cookies. */
    public WebClient browser() {
        return new WebClient(serverUrl());
    }

    public String serverUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    /** Plays a call with a script like {@code "1 5 1 busy answered"} (see {@link ScriptedCaller}). */
    public CallRecord call(String script) {
        return call(script, "+15555550100");
    }

    /** A call that must be one Twilio can follow: every answer is valid TwiML leading only to our own steps. */
    public CallRecord validCall(String script) {
        CallRecord call = call(script);
        TwimlAssertions.assertEveryAnswerValid(call);
        return call;
    }

    public CallRecord call(String script, String callerNumber) {
        Map<String, String> params = SimulatedCall.twilioParams("CA" + UUID.randomUUID().toString().replace("-", ""),
                callerNumber, HOTLINE_NUMBER);
        return call(script, params);
    }

    public CallRecord call(String script, Map<String, String> callParams) {
        SimulatedCall call = new SimulatedCall(http, publicUrl, serverUrl(), TOKEN, callParams, line -> { });
        try {
            return call.run(ScriptedCaller.parse(script));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A raw webhook POST, signed with {@code signature} (null for none), for tests of the HTTP layer itself. */
    public HttpResponse<String> post(String pathAndQuery, Map<String, String> params, String signature) {
        return post(pathAndQuery, params, signature, Map.of());
    }

    /** A webhook POST signed correctly, with extra headers (such as Twilio's idempotency token on a retry). */
    public HttpResponse<String> postSigned(String pathAndQuery, Map<String, String> params, Map<String, String> headers) {
        return post(pathAndQuery, params, TwilioSigner.sign(TOKEN, publicUrl + pathAndQuery, params), headers);
    }

    private HttpResponse<String> post(String pathAndQuery, Map<String, String> params, String signature,
                                      Map<String, String> headers) {
        String body = TwilioSigner.formBody(params);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverUrl() + pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A webhook POST signed correctly for its public URL, as Twilio would send it. */
    public HttpResponse<String> postSigned(String pathAndQuery, Map<String, String> params) {
        return post(pathAndQuery, params, TwilioSigner.sign(TOKEN, publicUrl + pathAndQuery, params));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(serverUrl() + path)).GET().build());
    }

    /** A GET as an operator sends it, with the metrics token. */
    public HttpResponse<String> getAsOperator(String path) {
        return get(path, Map.of("Authorization", "Bearer " + METRICS_TOKEN));
    }

    /** A GET with extra headers, such as {@code Authorization}. */
    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverUrl() + path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server; the event writer flushes its queue first. The data stays until {@link #close}. */
    public void stop() {
        app.stop();
    }

    @Override
    public void close() {
        app.stop();
        database.close();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
