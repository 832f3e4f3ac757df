package hotline;

import hotline.accounts.Role;
import hotline.web.WorkLane;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flood of admin work (sign-ins, whose password hashes each take a core for a fifth of a second, dashboards,
 * imports, publishes) once ran on the request threads and made webhook answers take up to 1.9 s. Now it runs in
 * lanes a thread wide: when a lane is full, more work is refused at once with a page that says so, nothing is
 * changed or counted, and calls are answered all along. The lanes are filled here with work that waits on the
 * test, so nothing depends on how fast the machine hashes.
 */
@Slow
class AdminWorkFloodAttackTest {

    @Test
    void whenThePasswordLaneIsFullSignInsAreRefusedAtOnceAndNotCounted() throws Exception {
        try (TestHotline hotline = TestHotline.start()) {
            hotline.addAccount("maria", Role.ADMIN, TestHotline.ADMIN_PASSWORD);
            WebClient maria = hotline.browser();
            try (Filled full = fill(hotline.lanes.passwords())) {
                for (int i = 0; i < 6; i++) { // more than the free attempts: refused ones are not counted as guesses
                    HttpResponse<String> refused = maria.signIn("maria", "whatever " + i);
                    assertEquals(503, refused.statusCode());
                    assertTrue(refused.headers().firstValue("Retry-After").isPresent());
                    assertTrue(refused.body().contains("Many sign-ins are being checked right now"), refused.body());
                }
                TwimlAssertions.assertEveryAnswerValid(hotline.call("1 1 #")); // calls go on meanwhile
            }
            assertEquals(303, maria.signIn("maria", TestHotline.ADMIN_PASSWORD).statusCode(), "her turn comes");
        }
    }

    @Test
    void whenTheWorkLaneIsFullDashboardsPublishesAndImportsAreRefusedAtOnce() throws Exception {
        try (TestHotline hotline = TestHotline.start()) {
            WebClient admin = hotline.signedInAdmin();
            admin.get("/admin");
            String version = hotline.catalog.get().version();
            try (Filled full = fill(hotline.lanes.work())) {
                for (String page : new String[]{"/dashboard", "/dashboard/data"}) {
                    HttpResponse<String> refused = admin.get(page);
                    assertEquals(503, refused.statusCode(), page);
                    assertTrue(refused.body().contains("The hotline is busy"), refused.body());
                }
                admin.get("/admin");
                assertEquals(503, admin.post("/admin/publish", Map.of("note", "in a flood")).statusCode());
                admin.get("/admin/files");
                assertEquals(503, admin.upload("/admin/files/import", "files", Map.of("prompts.zip",
                        Zips.zip(Map.of("languages.yaml", "x")))).statusCode());
                TwimlAssertions.assertEveryAnswerValid(hotline.call("1 1 #"));
            }
            assertEquals(version, hotline.catalog.get().version(), "nothing was published");
            assertEquals(200, admin.get("/dashboard").statusCode(), "once the lane is free, the dashboard answers");
        }
    }

    /** A lane filled with work that waits until closed: as full as a flood would leave it. */
    private static Filled fill(WorkLane lane) throws InterruptedException {
        int tries = 20;
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(tries);
        for (int i = 0; i < tries; i++) {
            pool.submit(() -> {
                try {
                    return lane.call(() -> release.await(5, TimeUnit.MINUTES));
                } catch (WorkLane.Busy full) {
                    refused.incrementAndGet();
                    return null;
                }
            });
        }
        // The lane takes what it has room for and refuses the rest at once; once it refused something, it is full.
        Awaitility.await("the lane refusing some of " + tries + " pieces of work").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(10)).until(() -> refused.get() > 0);
        return new Filled(release, pool);
    }

    private record Filled(CountDownLatch release, ExecutorService pool) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            release.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
        }
    }

}
