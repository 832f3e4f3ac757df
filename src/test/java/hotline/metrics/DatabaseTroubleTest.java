package hotline.metrics;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import hotline.TestHotline;
import hotline.simulator.CallRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import static hotline.TwimlAssertions.assertEveryAnswerValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database locked by someone else, moved away, or refusing writes in the middle of a run: calls are answered in full,
 * events that cannot be written are dropped and counted (on /healthz, for operators, and in the log), and writing resumes
 * by itself once the database is back.
 */
class DatabaseTroubleTest {
    private static final DateRange DAY = DateRange.day(TestHotline.OFFICE_HOURS.toLocalDate());
    private TestHotline hotline;
    private ListAppender<ILoggingEvent> log;

    @BeforeEach
    void start() {
        hotline = TestHotline.start();
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(CallEventWriter.class)).addAppender(log);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(CallEventWriter.class)).detachAppender(log);
        hotline.close();
    }

    private void callsAreAnsweredInFull() {
        for (int i = 0; i < 3; i++) {
            CallRecord call = hotline.call("1 1 5 1 answered");
            assertEveryAnswerValid(call);
            assertEquals(List.of("+18883737888"), call.dialed());
            assertEquals(CallRecord.Ending.HOTLINE_HUNG_UP, call.ending());
        }
    }

    private void eventsAreDroppedAndCounted() {
        waitFor(() -> health().contains("\"dropped\":") && !health().contains("\"dropped\":0,"), "dropped events on /healthz");
        assertTrue(health().startsWith("{\"status\":\"ok\""), "calls still work, so the hotline is healthy: " + health());
        waitFor(() -> log.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith("Dropped ")), "a log line");
    }

    private void writingResumes() {
        CallRecord mandarin = hotline.call("3 1", "+15555550123");
        assertEveryAnswerValid(mandarin);
        hotline.stop();
        CallStatistics statistics = new CallStatistics(hotline.database, () -> TestHotline.LOS_ANGELES);
        assertEquals(1L, statistics.callsByLanguage(DAY).get("zh-CN"), "the call after the trouble was recorded");
    }

    @Test
    void lockedByAnotherConnection() throws Exception {
        Path file = hotline.dataDir.resolve("hotline.db");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement lock = other.createStatement()) {
            lock.execute("BEGIN EXCLUSIVE");
            lock.execute("INSERT INTO call_event (call_key, occurred_minute, kind) VALUES ('lock', 0, 'lock')");
            callsAreAnsweredInFull();
            eventsAreDroppedAndCounted();
            assertTrue(health().contains("locked") || health().contains("BUSY"), health());
            lock.execute("ROLLBACK");
        }
        writingResumes();
    }

    /**
     * Moved away, with something unwritable in its place: calls go on, events are dropped; once the file is put back
     * (as an operator restores it), writing resumes. Nothing ever makes a new, empty database in its place.
     */
    @Test
    void movedAwayAndPutBack() throws Exception {
        Path file = hotline.dataDir.resolve("hotline.db");
        Path moved = Files.createDirectories(hotline.dataDir.resolve("moved-away"));
        List<String> parts = new java.util.ArrayList<>();
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path part = hotline.dataDir.resolve("hotline.db" + suffix);
            if (Files.exists(part)) {
                Files.move(part, moved.resolve(part.getFileName()));
                parts.add(part.getFileName().toString());
            }
        }
        Files.createDirectory(file); // where the file was, nothing can be written, not even by root
        callsAreAnsweredInFull();
        waitFor(() -> health().contains("\"dropped\":") && !health().contains("\"dropped\":0,"), "dropped events on /healthz");
        assertTrue(hotline.get("/healthz").body().startsWith("{\"status\":\"unhealthy\""), "the database is not the one opened");
        Files.delete(file);
        for (String part : parts) {
            Files.move(moved.resolve(part), hotline.dataDir.resolve(part));
        }
        assertTrue(hotline.get("/healthz").body().startsWith("{\"status\":\"ok\""), "put back, it is healthy again");
        writingResumes();
    }

    /**
     * SQLite refuses every write, as when the disk is full: simulated with a trigger that fails each insert with
     * SQLite's own message, since filling a real disk in a test would fill the machine's.
     */
    @Test
    void everyWriteRefusedAsOnAFullDisk() throws Exception {
        Path file = hotline.dataDir.resolve("hotline.db");
        String version = hotline.catalog.get().version();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement sql = other.createStatement()) {
            sql.execute("CREATE TRIGGER disk_full BEFORE INSERT ON call_event BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
            callsAreAnsweredInFull();
            eventsAreDroppedAndCounted();
            assertTrue(health().contains("disk is full"), health());
            assertEquals(version, hotline.catalog.get().version(), "what callers hear is untouched");
            sql.execute("DROP TRIGGER disk_full");
        }
        writingResumes();
    }

    private String health() {
        return hotline.getAsOperator("/healthz").body();
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).until(condition::getAsBoolean);
    }
}
