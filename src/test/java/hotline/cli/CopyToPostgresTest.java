package hotline.cli;

import hotline.TestAudio;
import hotline.TestHotline;
import hotline.WebClient;
import hotline.audit.AuditLog;
import hotline.config.DatabaseSettings;
import hotline.db.Database;
import hotline.db.TestPostgres;
import hotline.metrics.CallStatistics;
import hotline.metrics.DateRange;
import hotline.recordings.RecordingsController;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code scripts/hotline copy-to-postgres}: a hotline that ran on SQLite goes on, whole, on PostgreSQL. */
class CopyToPostgresTest {
    private static final String LAPD_CALL = "1 5 8 3 answered";
    private static final DateRange TODAY = DateRange.day(TestHotline.OFFICE_HOURS.toLocalDate());

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int copy(TestHotline from, DatabaseSettings to) {
        return CopyToPostgres.run(from.dataDir, TestHotline.SEED_PROMPTS, to, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** What the dashboards show for the day: the same figures before and after the move. */
    private static List<Object> figures(Database database) {
        CallStatistics statistics = new CallStatistics(database, () -> TestHotline.LOS_ANGELES);
        return List.of(statistics.callsPerDay(TODAY), statistics.callsByLanguage(TODAY), statistics.transfers(TODAY),
                statistics.callsEndedByLastMenu(TODAY));
    }

    @Test
    void aHotlineOnSqliteGoesOnWholeOnPostgres() throws Exception {
        DatabaseSettings target = TestPostgres.get().newDatabase();
        try (TestHotline sqlite = TestHotline.startOnSqlite()) {
            WebClient maria = sqlite.signedInAdmin();
            byte[] audio = TestAudio.wav("safety, before the move");
            maria.get(RecordingsController.PAGE + "?lang=en-US");
            assertEquals(303, maria.upload(RecordingsController.PAGE, Map.of("lang", "en-US", "slot", "main_menu.safety#0.0"),
                    "audio", Map.of("safety.wav", audio)).statusCode());
            maria.get("/admin/lines/lapd");
            assertEquals(303, maria.submit("/admin/lines/lapd", Map.of("number", "(323) 555-0142")).statusCode());
            maria.get("/admin");
            assertEquals(303, maria.submit("/admin/publish", Map.of("note", "new LAPD number, safety recorded")).statusCode());
            assertEquals(List.of("+13235550142"), sqlite.call(LAPD_CALL).dialed());
            sqlite.call("2 0 busy");
            sqlite.stop();
            List<Object> before = figures(sqlite.database);
            long auditBefore = new AuditLog(sqlite.database, sqlite.clock).latest(1000).size();

            assertEquals(0, copy(sqlite, target), err.toString());
            assertTrue(out.toString().contains("catalog_version"), out.toString());

            try (TestHotline postgres = TestHotline.instanceOn(target)) {
                List<Object> after = figures(postgres.database);
                assertEquals(before.get(0), after.get(0), "calls per day");
                assertEquals(before.get(1), after.get(1), "calls by language");
                assertEquals(before.get(2), after.get(2), "transfers");
                assertEquals(before.get(3), after.get(3), "where calls ended");
                assertEquals("v2", postgres.catalog.get().version(), "the version callers heard is the one they hear");
                assertEquals(List.of("+13235550142"), postgres.call(LAPD_CALL).dialed());
                HttpResponse<byte[]> played = postgres.browser().download("/audio/" + sha256(audio) + ".wav");
                assertEquals(200, played.statusCode(), "the recording came along, though this instance never saw its file");
                assertArrayEquals(audio, played.body());
                WebClient again = postgres.browser();
                assertEquals(303, again.signIn("maria", TestHotline.ADMIN_PASSWORD).statusCode(),
                        "her account and password came along");
                List<AuditLog.Entry> audit = new AuditLog(postgres.database, postgres.clock).latest(1000);
                assertTrue(audit.size() > auditBefore, "the audit log came along, and notes the copy");
                assertTrue(audit.stream().anyMatch(e -> e.action().equals("copy_to_postgres")));
                assertTrue(audit.stream().anyMatch(e -> e.detail().contains("new LAPD number")));
                again.get("/admin/lines/lapd");
                assertEquals(303, again.submit("/admin/lines/lapd", Map.of("number", "(323) 555-0143")).statusCode());
                again.get("/admin");
                assertEquals(303, again.submit("/admin/publish", Map.of("note", "first publish on PostgreSQL")).statusCode());
                assertEquals("v3", postgres.catalog.get().version(), "versions are numbered on from the copied ones");
                postgres.stop();
                assertTrue(figures(postgres.database).get(1).toString().contains("en-US=2"),
                        "the calls made after the copy are counted on top: " + figures(postgres.database));
            }
        }
    }

    @Test
    void aDatabaseThatHoldsAHotlineIsNeverWrittenOver() throws Exception {
        DatabaseSettings target = TestPostgres.get().newDatabase();
        try (TestHotline sqlite = TestHotline.startOnSqlite()) {
            sqlite.stop();
            assertEquals(0, copy(sqlite, target), err.toString());
            int audited = auditEntries(target);
            err.reset();
            assertEquals(2, copy(sqlite, target));
            assertTrue(err.toString().contains("already holds a hotline") && err.toString().contains("Nothing was copied"),
                    err.toString());
            assertEquals(audited, auditEntries(target), "not a row was added");
        }
    }

    @Test
    void aRunningHotlineIsNotCopiedFrom() {
        DatabaseSettings target = TestPostgres.get().newDatabase();
        try (TestHotline running = TestHotline.startOnSqlite()) {
            assertEquals(2, copy(running, target));
            assertTrue(err.toString().contains("stop it first"), err.toString());
        }
    }

    private static int auditEntries(DatabaseSettings target) {
        try (Database postgres = Database.openPostgres(target, () -> TestHotline.LOS_ANGELES)) {
            return new AuditLog(postgres, java.time.Clock.systemUTC()).latest(10_000).size();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
