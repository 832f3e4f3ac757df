package hotline.admin;

import hotline.Slow;
import hotline.TestHotline;
import hotline.WebClient;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Publishing while calls pour in, so that the event writer commits to the database all the time: each publish
 * waits its turn for the database and succeeds. (Checking the draft before its first write once made a publish
 * fail with a 500 whenever the writer committed in between.)
 */
@Slow
class PublishWhileCallsPourInTest {
    private static final int PUBLISHES = 10;

    @Test
    void everyPublishSucceedsWhileEventsAreWritten() throws Exception {
        try (TestHotline hotline = TestHotline.start()) {
            WebClient admin = hotline.signedInAdmin();
            AtomicBoolean calling = new AtomicBoolean(true);
            ExecutorService callers = Executors.newFixedThreadPool(4);
            for (int i = 0; i < 4; i++) {
                callers.submit(() -> {
                    while (calling.get()) {
                        hotline.call("1 1 2 #");
                    }
                    return null;
                });
            }
            try {
                for (int i = 0; i < PUBLISHES; i++) {
                    admin.get("/admin");
                    HttpResponse<String> published = admin.post("/admin/publish", Map.of("note", "publish " + i));
                    assertEquals(303, published.statusCode(), "publish " + i + ": " + published.body());
                }
            } finally {
                calling.set(false);
                callers.shutdown();
                callers.awaitTermination(1, TimeUnit.MINUTES);
            }
            assertEquals("v" + (PUBLISHES + 1), hotline.catalog.get().version());
        }
    }
}
