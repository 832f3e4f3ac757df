package hotline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import hotline.accounts.Accounts;
import hotline.accounts.PasswordHasher;
import hotline.accounts.Role;
import hotline.catalog.PromptDirectory;
import hotline.catalog.ResourceLine;
import hotline.config.Config;
import hotline.config.LocalToken;
import hotline.db.Database;
import hotline.metrics.CallStatistics;
import hotline.metrics.DateRange;
import hotline.simulator.CallRecord;
import hotline.simulator.ScriptedCaller;
import hotline.simulator.SimulatedCall;

import io.javalin.Javalin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's backup and restore, as a drill: a hotline in use (a published change, an account, calls) is backed up
 * while it runs with SQLite's online backup; the backup is restored on a fresh install (a new, empty data directory);
 * the restored hotline starts the way the service does and answers with the same content version, the same accounts
 * (signing in works) and the same statistics.
 */
@Slow
class RestoreDrillTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery staple";
    private final Clock clock = Clock.fixed(TestHotline.OFFICE_HOURS.atZone(TestHotline.LOS_ANGELES).toInstant(), ZoneId.of("UTC"));
    private final HttpClient http = HttpClient.newHttpClient();

    private record Running(Javalin app, Config config) {
        String base() {
            return config.publicUrl().toString();
        }
    }

    /** As App.main starts it, on its own port and data directory (local mode: loopback only). */
    private Running start(Path data) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Config config = Config.fromMap(Map.of(Config.DATA_DIR, data.toString(), Config.PORT, Integer.toString(port),
                Config.PROMPTS_DIR, TestHotline.SEED_PROMPTS.toAbsolutePath().toString()));
        return new Running(App.start(config, clock).app(), config);
    }

    private CallRecord call(Running hotline, String script) throws Exception {
        SimulatedCall call = new SimulatedCall(http, hotline.base(), hotline.base(), LocalToken.readFrom(hotline.config().dataDir()),
                SimulatedCall.twilioParams("CA" + UUID.randomUUID().toString().replace("-", ""), "+15555550100",
                        TestHotline.HOTLINE_NUMBER), line -> { });
        return call.run(ScriptedCaller.parse(script));
    }

    private JsonNode health(Running hotline) throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(hotline.base() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        return JSON.readTree(health.body());
    }

    /** Until the event writer has nothing queued and its count of written events holds still. */
    private void awaitEventsWritten(Running hotline) {
        long[] written = {-1};
        Awaitility.await("the call events written").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    JsonNode events = health(hotline).path("events");
                    boolean still = events.path("queued").asLong() == 0 && events.path("written").asLong() == written[0]
                            && written[0] > 0;
                    written[0] = events.path("written").asLong();
                    return still;
                });
    }

    /** What the dashboard shows for the day of the calls, read from a database. */
    private static List<Object> statistics(Database database, LocalDate day) {
        CallStatistics statistics = new CallStatistics(database, () -> TestHotline.LOS_ANGELES);
        DateRange range = DateRange.day(day);
        return List.of(statistics.callsStarted(range), statistics.callsByLanguage(range), statistics.optionsChosen(range),
                statistics.transfers(range), statistics.callsPerHour(range));
    }

    /** SQLite's online backup, as {@code sqlite3 hotline.db ".backup ..."} does: a consistent copy while it runs. */
    private static void backUp(Path live, Path copy) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + live);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("backup to " + copy);
        }
    }

    private static String integrity(Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    void aBackupTakenWhileTheHotlineRunsRestoresOnAFreshInstall(@TempDir Path work) throws Exception {
        Path before = work.resolve("before");
        Running source = start(before);
        Path backup = work.resolve("backups").resolve("hotline-drill.db");
        String version;
        ResourceLine changed;
        List<Object> statisticsBefore;
        LocalDate day = TestHotline.OFFICE_HOURS.toLocalDate();
        try {
            // As scripts/hotline user add does, on the database of the running hotline.
            new Accounts(Database.openIn(before), new PasswordHasher(), clock)
                    .create("maria", Role.ADMIN, PASSWORD, false);
            WebClient maria = new WebClient(source.base());
            assertEquals(303, maria.signIn("maria", PASSWORD).statusCode());
            // The first line of the directory: key 1 of the lines menu. Its number changes in v2.
            changed = PromptDirectory.load(TestHotline.SEED_PROMPTS).lines().get(0);
            assertEquals(200, maria.get("/admin/lines/" + changed.id()).statusCode());
            assertEquals(303, maria.submit("/admin/lines/" + changed.id(), Map.of("number", "(323) 555-0142")).statusCode());
            maria.get("/admin");
            assertEquals(303, maria.submit("/admin/publish", Map.of("note", "before the drill")).statusCode());
            maria.get("/admin/fallback");
            assertEquals(303, maria.submit("/admin/fallback/pasted", Map.of()).statusCode());

            for (String script : List.of("1 5 1 answered", "1 1 #", "2 1 #", "1 5 2 busy answered")) {
                call(source, script);
            }
            awaitEventsWritten(source);
            version = health(source).path("catalogVersion").asText();
            assertEquals("v2", version);
            statisticsBefore = statistics(Database.openIn(before), day);
            assertNotEquals(0L, statisticsBefore.get(0), "calls were counted");

            Files.createDirectories(backup.getParent());
            backUp(before.resolve(Database.FILE_NAME), backup);
            call(source, "1 1 #");
        } finally {
            source.app().stop();
        }
        assertEquals("ok", integrity(backup));

        Path fresh = work.resolve("fresh-install");
        Files.createDirectory(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.copy(backup, fresh.resolve(Database.FILE_NAME));
        Running restored = start(fresh);
        try {
            assertEquals(version, health(restored).path("catalogVersion").asText(), "the same content version");
            CallRecord call = call(restored, "1 5 1 answered");
            assertEquals("+13235550142", call.dialed().get(0), "the published change to " + changed.id() + " is heard");

            WebClient maria = new WebClient(restored.base());
            assertEquals(303, maria.signIn("maria", PASSWORD).statusCode(), "the same accounts");
            assertEquals(200, maria.get("/admin").statusCode());
            assertTrue(maria.page().select("#fallback").text().contains("It is up to date: marked as pasted by maria"),
                    "the fallback's status came along");
            assertTrue(maria.get("/admin/audit").body().contains("before the drill"), "the audit log came along");

        } finally {
            restored.app().stop();
        }
        assertEquals((Long) statisticsBefore.get(0) + 1,
                statistics(Database.openIn(fresh), day).get(0),
                "the restored hotline counts its own call on top of the backup's");
        Path again = work.resolve("fresh-install-untouched");
        Files.createDirectory(again, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.copy(backup, again.resolve(Database.FILE_NAME));
        assertEquals(statisticsBefore, statistics(Database.openIn(again), day),
                "the same statistics, exactly, as when the backup was taken");
    }

}
