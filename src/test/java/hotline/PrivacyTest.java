package hotline;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import hotline.db.TestPostgres;
import hotline.simulator.CallRecord;
import hotline.simulator.SimulatedCall;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls with distinctive caller data leave no trace of it in the log, under the data directory, or (on PostgreSQL)
 * anywhere in the database.
 */
class PrivacyTest {
    private static final List<String> CALLER_DATA = List.of("+13105550187", "3105550187", "Marisol Quintanilla-Oyelaran",
            "Tarzana", "91356", "CAfeedface0badc0ffee0000000000c0de");

    /** The calls were recorded (so the search below means something), and only to the minute. */
    private static void assertEventsStoredToTheMinuteOnly(TestHotline hotline) {
        long minute = TestHotline.OFFICE_HOURS.atZone(java.time.ZoneId.of("America/Los_Angeles")).toEpochSecond() / 60;
        try (var connection = hotline.database.connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*), MIN(occurred_minute), MAX(occurred_minute), "
                     + "COUNT(DISTINCT call_key) FROM call_event")) {
            rows.next();
            assertTrue(rows.getLong(1) > 20, "events were stored");
            assertEquals(minute, rows.getLong(2));
            assertEquals(minute, rows.getLong(3));
            assertEquals(1, rows.getLong(4), "the three calls share one CallSid, so one key");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void callerDataIsNeverLoggedNorStored() throws IOException {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        ch.qos.logback.classic.Level before = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.ALL);
        List<String> everything = new ArrayList<>();
        try (TestHotline hotline = TestHotline.start()) {
            Map<String, String> params = SimulatedCall.twilioParams("CAfeedface0badc0ffee0000000000c0de", "+13105550187",
                    TestHotline.HOTLINE_NUMBER);
            params.put("CallerName", "Marisol Quintanilla-Oyelaran");
            params.put("FromCity", "Tarzana");
            params.put("FromState", "CA");
            params.put("FromZip", "91356");
            params.put("FromCountry", "US");
            params.put("ForwardedFrom", "+13105550187");
            for (String script : List.of("1 1 * 3 4 5 8 5 busy answered", "2 9 9 9 no-answer 1", "3 0 answered")) {
                CallRecord call = hotline.call(script, params);
                assertTrue(call.exchanges().size() > 3);
            }
            // An unsigned request with the same data is refused and logged; the log line must not carry it either.
            assertEquals(403, hotline.post("/voice/incoming", params, "forged").statusCode());
            hotline.stop(); // writes every queued event, so the database is complete before we search it
            assertEventsStoredToTheMinuteOnly(hotline);

            if (hotline.config.database().isPresent()) {
                // On PostgreSQL the data is not under the data directory: all of the database, as a dump.
                everything.add("pg_dump: " + TestPostgres.get().dump(hotline.config.database().get()));
            }
            try (Stream<Path> files = Files.walk(hotline.dataDir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    everything.add(file + ": " + new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        } finally {
            root.detachAppender(log);
            root.setLevel(before);
        }
        for (ILoggingEvent event : log.list) {
            everything.add(event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage()));
        }
        assertFalse(log.list.isEmpty(), "the test must see the log to mean anything");
        for (String line : everything) {
            for (String secret : CALLER_DATA) {
                assertFalse(line.contains(secret), "caller data \"" + secret + "\" found in: " + line);
            }
        }
    }
}
