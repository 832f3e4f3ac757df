package hotline.db;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import hotline.TestHotline;
import hotline.WebClient;
import hotline.simulator.CallRecord;
import hotline.operations.HealthController;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.awaitility.Awaitility;
import java.time.Duration;
import static hotline.TwimlAssertions.assertEveryAnswerValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database file deleted while the hotline runs (a mistaken cleanup, a full reinstall next to a running one).
 * Calls are still answered. Nothing new is created in its place (an empty database would be readable by anyone
 * whose umask allows it, and would hold no accounts and no content); /healthz says unhealthy; the console shows
 * one clear page; the log says what happened once, not at every request.
 */
class DatabaseDeletedWhileRunningTest {

    @Test
    void callsGoOnNothingIsCreatedAndTheOperatorIsToldOnce() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        try (TestHotline hotline = TestHotline.start()) {
            WebClient admin = hotline.signedInAdmin();
            assertEquals(200, admin.get("/admin").statusCode());

            Path file = hotline.dataDir.resolve(Database.FILE_NAME);
            delete(hotline.dataDir);

            for (int i = 0; i < 3; i++) {
                CallRecord call = hotline.call("1 1 5 1 answered");
                assertEveryAnswerValid(call);
                assertEquals(List.of("+18883737888"), call.dialed(), "calls go on with the content in memory");
            }
            awaitDropped(hotline); // the event writer tried, and failed, to write them

            HttpResponse<String> health = hotline.get(HealthController.PATH);
            assertEquals(503, health.statusCode());
            assertEquals("{\"status\":\"unhealthy\",\"catalogVersion\":\"v1\"}", health.body(), "no error text for outsiders");
            assertTrue(hotline.getAsOperator(HealthController.PATH).body().contains("was deleted while the hotline was running"));

            for (String page : new String[]{"/admin", "/admin/prompts", "/dashboard", "/admin/login"}) {
                HttpResponse<String> shown = admin.get(page);
                assertEquals(503, shown.statusCode(), page);
                assertTrue(shown.body().contains("The hotline&#39;s database is missing")
                        || shown.body().contains("The hotline's database is missing"), page + ": " + shown.body());
            }
            assertFalse(Files.exists(file), "no new, empty database in its place");
            assertTrue(Files.list(hotline.dataDir).noneMatch(f -> f.getFileName().toString().startsWith(Database.FILE_NAME)),
                    "nor its -wal or -shm files");

            List<ILoggingEvent> told = log.list.stream().filter(e -> e.getLevel() == Level.ERROR
                    && e.getFormattedMessage().contains("was deleted while the hotline was running")).toList();
            assertEquals(1, told.size(), "told once: " + told);
            assertTrue(told.get(0).getFormattedMessage().contains("Restore"), told.get(0).getFormattedMessage());
        } finally {
            root.detachAppender(log);
        }
    }

    private static void delete(Path dataDir) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(dataDir.resolve(Database.FILE_NAME + suffix));
        }
    }

    private static void awaitDropped(TestHotline hotline) {
        Awaitility.await("the writer tried and dropped the events").atMost(Duration.ofMinutes(1))
                .until(() -> !hotline.getAsOperator(HealthController.PATH).body().contains("\"dropped\":0,"));
    }
}
