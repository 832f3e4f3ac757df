package hotline;

import hotline.accounts.AdminLockoutAttackTest;
import hotline.accounts.Role;
import hotline.config.DatabaseSettings;
import hotline.db.TestPostgres;
import hotline.simulator.CallRecord;
import hotline.simulator.Caller;
import hotline.simulator.MenuAnswer;
import hotline.simulator.ScriptedCaller;
import hotline.simulator.SimulatedCall;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static hotline.TwimlAssertions.assertEveryAnswerValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances on one PostgreSQL database behind a load balancer that sends each request to the next instance in
 * turn: a call whose steps alternate between them, a publish on one heard on the other, a sign-in on one good on the
 * other, guesses spread over both throttled as one, and an instance killed mid-call while the call goes on.
 */
@Slow
class SeveralInstancesTest {
    private static final String LAPD = "+18772755273";
    private static final String LAPD_CALL = "1 5 8 3 answered";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    private <T extends AutoCloseable> T kept(T closeable) {
        running.add(closeable);
        return closeable;
    }

    private CallRecord callThrough(RoundRobinProxy proxy, Caller caller, Map<String, String> params) throws Exception {
        return new SimulatedCall(http, TestHotline.PUBLIC_URL, proxy.url(), TestHotline.TOKEN, params, line -> { })
                .run(caller);
    }

    /** Two instances on one database, and the load balancer in front of them. */
    private record Behind(TestHotline a, TestHotline b, RoundRobinProxy proxy) {
    }

    private Behind twoInstances(DatabaseSettings database) throws IOException {
        TestHotline a = kept(TestHotline.instanceOn(database));
        TestHotline b = kept(TestHotline.instanceOn(database));
        return new Behind(a, b, kept(new RoundRobinProxy(List.of(a.serverUrl(), b.serverUrl()))));
    }

    /** Two instances on a new database, with the admin maria's account. */
    private Behind twoInstancesWithMaria() throws IOException {
        Behind two = twoInstances(TestPostgres.get().newDatabase());
        two.a().addAccount("maria", Role.ADMIN, TestHotline.ADMIN_PASSWORD);
        return two;
    }

    private static Map<String, String> newCall() {
        return SimulatedCall.twilioParams("CA" + UUID.randomUUID().toString().replace("-", ""), "+15555550100",
                TestHotline.HOTLINE_NUMBER);
    }

    @Test
    void aCallsStepsAlternateBetweenInstancesEachStepAnsweredAlikeAndItsEventsShareOneKey() throws Exception {
        DatabaseSettings database = TestPostgres.get().newDatabase();
        Behind two = twoInstances(database);
        TestHotline a = two.a();
        TestHotline b = two.b();
        RoundRobinProxy proxy = two.proxy();

        Map<String, String> params = newCall();
        CallRecord call = callThrough(proxy, ScriptedCaller.parse(LAPD_CALL), params);

        assertEveryAnswerValid(call);
        assertEquals(List.of(LAPD), call.dialed());
        List<String> servedBy = proxy.answeredBy();
        assertTrue(servedBy.size() >= 6, servedBy.toString());
        for (int i = 1; i < servedBy.size(); i++) {
            assertNotEquals(servedBy.get(i - 1), servedBy.get(i), "each step went to the other instance: " + servedBy);
        }
        Awaitility.await("the call's end recorded").atMost(Duration.ofSeconds(30))
                .until(() -> single(database, "SELECT COUNT(*) FROM call_event WHERE kind = 'call_ended'") == 1);
        assertEquals(1, single(database, "SELECT COUNT(DISTINCT call_key) FROM call_event"),
                "the events both instances recorded carry the call's one key");
        assertTrue(single(database, "SELECT COUNT(*) FROM call_event") >= 6);
        assertEquals(1, single(database, "SELECT COUNT(*) FROM call_event WHERE kind = 'call_ended' AND menu = 'transfer'"
                + " AND language = 'en-US'"), "the end knows where the call was last, whichever instance saw it");

        for (CallRecord.Exchange step : call.exchanges()) {
            Map<String, String> sent = new HashMap<>(params);
            sent.putAll(step.params());
            String path = step.url().substring(TestHotline.PUBLIC_URL.length());
            assertEquals(a.postSigned(path, sent).body(), b.postSigned(path, sent).body(), "the same answer to " + path);
        }
    }

    @Test
    void signedInOnOneEditedAndPublishedThroughBothHeardOnEachWithinFiveSeconds() throws Exception {
        Behind two = twoInstancesWithMaria();
        TestHotline a = two.a();
        TestHotline b = two.b();
        RoundRobinProxy proxy = two.proxy();

        // Every request below goes to the other instance than the one before: the sign-in form from one, its post to
        // the other, each page after with the session (and its CSRF token) one of them made.
        WebClient maria = TestHotline.browserAt(proxy.url());
        assertEquals(303, maria.signIn("maria", TestHotline.ADMIN_PASSWORD).statusCode());
        assertEquals(200, maria.get("/admin/lines/lapd").statusCode());
        assertEquals(303, maria.submit("/admin/lines/lapd", Map.of("number", "(323) 555-0142")).statusCode());
        assertEquals(200, maria.get("/admin").statusCode());
        assertEquals(303, maria.submit("/admin/publish", Map.of("note", "LAPD has a new number")).statusCode());
        long published = System.nanoTime(); // the publish is done: one instance serves v2, the other must follow

        Awaitility.await("v2 served by both instances").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> a.catalog.get().version().equals("v2") && b.catalog.get().version().equals("v2"));
        System.out.printf("A publish was heard on both instances after %d ms%n", (System.nanoTime() - published) / 1_000_000);
        assertEquals(List.of("+13235550142"), a.call(LAPD_CALL).dialed());
        assertEquals(List.of("+13235550142"), b.call(LAPD_CALL).dialed());
    }

    @Test
    void guessesSpreadOverInstancesAreThrottledAsOne() throws Exception {
        Behind two = twoInstancesWithMaria();
        TestHotline a = two.a();
        TestHotline b = two.b();
        RoundRobinProxy proxy = two.proxy();

        // Each guess goes to the other instance: had each its own count, neither would ever make the guesser wait.
        AdminLockoutAttackTest.guessUntilLockedOut(TestHotline.browserAt(proxy.url()), "maria");
        assertEquals(429, a.browser().signIn("maria", "guess again").statusCode(), "the first instance makes them wait");
        assertEquals(429, b.browser().signIn("maria", "guess again").statusCode(), "and so does the second");
    }

    @Test
    void anInstanceKilledMidCallTheCallGoesOnOnTheOther(@TempDir Path dataDir) throws Exception {
        DatabaseSettings database = TestPostgres.get().newDatabase();
        Process first = kept(new KilledAtTheEnd(startProcess(database, dataDir))).process;
        String firstUrl = "http://127.0.0.1:" + port;
        awaitAnswering(firstUrl);
        TestHotline second = kept(TestHotline.instanceOn(database));
        RoundRobinProxy proxy = kept(new RoundRobinProxy(List.of(firstUrl, second.serverUrl())));

        ScriptedCaller script = ScriptedCaller.parse(LAPD_CALL);
        int[] answers = {0};
        Caller killsTheFirstAfterTwoKeys = new Caller() {
            @Override
            public Optional<MenuAnswer> respondToMenu() {
                if (++answers[0] == 3) {
                    try {
                        first.destroyForcibly().waitFor(); // SIGKILL: no shutdown, no goodbye
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return script.respondToMenu();
            }

            @Override
            public Optional<TransferOutcome> respondToTransfer(String number) {
                return script.respondToTransfer(number);
            }
        };
        CallRecord call = callThrough(proxy, killsTheFirstAfterTwoKeys, newCall());

        assertEveryAnswerValid(call);
        assertEquals(List.of(LAPD), call.dialed(), "the caller reached the line as if nothing had happened");
        List<String> servedBy = proxy.answeredBy();
        assertEquals(List.of(firstUrl, second.serverUrl(), firstUrl), servedBy.subList(0, 3),
                "the first instance answered every other step until it died: " + servedBy);
        assertEquals(List.of(second.serverUrl()), servedBy.subList(3, servedBy.size()).stream().distinct().toList(),
                "after it died, the second answered every step: " + servedBy);
    }

    @Test
    void instancesStartedTogetherOnANewDatabasePublishOneFirstVersion() throws Exception {
        DatabaseSettings database = TestPostgres.get().newDatabase();
        ExecutorService starting = Executors.newFixedThreadPool(3);
        try {
            List<Future<TestHotline>> instances = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                instances.add(starting.submit(() -> TestHotline.instanceOn(database)));
            }
            for (Future<TestHotline> instance : instances) {
                TestHotline started = kept(instance.get(2, TimeUnit.MINUTES));
                assertEquals("v1", started.catalog.get().version());
            }
        } finally {
            starting.shutdownNow();
        }
        assertEquals(1, single(database, "SELECT COUNT(*) FROM catalog_version"), "one first version, not one each");
    }

    private int port;

    /** An instance as its own process, so that it can be killed as a machine dies: no shutdown hook runs. */
    private Process startProcess(DatabaseSettings database, Path dataDir) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), App.class.getName())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("hotline.log").toFile());
        builder.environment().putAll(Map.of("TWILIO_AUTH_TOKEN", TestHotline.TOKEN, "HOTLINE_PORT", Integer.toString(port),
                "HOTLINE_PUBLIC_URL", TestHotline.PUBLIC_URL, "HOTLINE_DATA_DIR", dataDir.resolve("data").toString(),
                "HOTLINE_PROMPTS_DIR", TestHotline.SEED_PROMPTS.toAbsolutePath().toString(),
                "HOTLINE_DATABASE_URL", database.url(), "HOTLINE_DATABASE_USER", database.user().orElseThrow()));
        return builder.start();
    }

    /** However long a start takes on a busy machine; the bound only catches an instance that never starts. */
    private void awaitAnswering(String base) {
        Awaitility.await("the instance answering (see hotline.log in its temporary directory)").atMost(Duration.ofMinutes(2))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private record KilledAtTheEnd(Process process) implements AutoCloseable {
        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static long single(DatabaseSettings database, String query) throws SQLException {
        String name = database.url().substring(database.url().lastIndexOf('/') + 1);
        try (Connection connection = TestPostgres.get().connect(name); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
