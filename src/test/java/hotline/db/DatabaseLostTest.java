package hotline.db;

import hotline.Slow;
import hotline.TestHotline;
import hotline.WebClient;
import hotline.config.DatabaseSettings;
import hotline.simulator.CallRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static hotline.TwimlAssertions.assertEveryAnswerValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL lost while the hotline runs (its connections cut, no new one allowed, as when its server or the network
 * to it goes down): calls are answered in full from the content in memory, their events are counted as dropped,
 * pages that need the database say it cannot be reached, and everything resumes by itself once it is back.
 */
@Slow
class DatabaseLostTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAPD_CALL = "1 5 8 3 answered";

    @Test
    void callsGoOnEventsAreDroppedAndEverythingResumes() throws Exception {
        DatabaseSettings settings = TestPostgres.get().newDatabase();
        String name = settings.url().substring(settings.url().lastIndexOf('/') + 1);
        try (TestHotline hotline = TestHotline.instanceOn(settings)) {
            WebClient maria = hotline.signedInAdmin();
            assertEquals(List.of("+18772755273"), hotline.call(LAPD_CALL).dialed());
            Awaitility.await("the first call's events written").atMost(Duration.ofSeconds(30))
                    .until(() -> events(hotline).get("written").asLong() > 0);
            long droppedBefore = events(hotline).get("dropped").asLong();

            allowConnections(name, false);
            CallRecord during = hotline.call(LAPD_CALL);
            assertEveryAnswerValid(during);
            assertEquals(List.of("+18772755273"), during.dialed(), "the caller reached the line all the same");
            Awaitility.await("the events that could not be written counted as dropped").atMost(Duration.ofSeconds(60))
                    .until(() -> events(hotline).get("dropped").asLong() > droppedBefore);
            HttpResponse<String> page = maria.get("/admin");
            assertEquals(503, page.statusCode());
            assertTrue(page.body().contains("cannot be reached right now"), page.body());

            allowConnections(name, true);
            long writtenBefore = events(hotline).get("written").asLong();
            assertEquals(List.of("+18772755273"), hotline.call(LAPD_CALL).dialed());
            Awaitility.await("events written again").atMost(Duration.ofSeconds(60))
                    .until(() -> events(hotline).get("written").asLong() > writtenBefore);
            assertEquals(200, maria.get("/admin").statusCode(), "and her session outlived the outage");
        }
    }

    private static JsonNode events(TestHotline hotline) throws Exception {
        return JSON.readTree(hotline.getAsOperator("/healthz").body()).get("events");
    }

    /** Lets no one connect to the database (and cuts who is connected), or lets them again. */
    private static void allowConnections(String database, boolean allowed) throws SQLException {
        try (Connection admin = TestPostgres.get().connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            }
        }
    }
}
