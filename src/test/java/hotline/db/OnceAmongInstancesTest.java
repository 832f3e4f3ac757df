package hotline.db;

import hotline.TestHotline;
import hotline.config.DatabaseSettings;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Housekeeping (deleting old call events) runs once across the instances sharing a database, not once by each. */
class OnceAmongInstancesTest {
    @Test
    void ofFourInstancesAtOnceOneDoesTheWorkAndTheOthersSkipIt() throws Exception {
        DatabaseSettings settings = TestPostgres.get().newDatabase();
        List<Database> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            instances.add(Database.openPostgres(settings, () -> TestHotline.LOS_ANGELES));
        }
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch together = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Database instance : instances) {
                Callable<Boolean> pass = () -> {
                    together.await();
                    return instance.onceAmongInstances("retention", Duration.ofHours(1), connection -> {
                        ran.incrementAndGet();
                        try {
                            Thread.sleep(300); // as long as a real pass, so that the others come while it runs
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                };
                results.add(pool.submit(pass));
            }
            together.countDown();
            int said = 0;
            for (Future<Boolean> result : results) {
                said += result.get(1, TimeUnit.MINUTES) ? 1 : 0;
            }
            assertEquals(1, ran.get(), "one pass across the four");
            assertEquals(1, said);
            assertEquals(false, instances.get(2).onceAmongInstances("retention", Duration.ofHours(1), c -> ran.incrementAndGet()),
                    "nor another within the hour, on any of them");
            assertEquals(true, instances.get(3).onceAmongInstances("retention", Duration.ZERO, c -> ran.incrementAndGet()),
                    "but again once its period is over");
            assertEquals(2, ran.get());
        } finally {
            pool.shutdownNow();
            instances.forEach(Database::close);
        }
    }
}
