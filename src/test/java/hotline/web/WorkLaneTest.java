package hotline.web;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Admin work lanes: one piece of work at a time across the standard lanes, and only when the webhooks leave a core idle. */
class WorkLaneTest {

    @Test
    void theStandardLanesNeverRunTwoPiecesOfWorkAtOnce() throws Exception {
        AdminLanes lanes = AdminLanes.standard();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger atOnce = new AtomicInteger();
        ExecutorService requests = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            WorkLane lane = i % 2 == 0 ? lanes.passwords() : lanes.work();
            done.add(requests.submit(() -> {
                try {
                    return lane.call(() -> {
                        atOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        Thread.sleep(5);
                        running.decrementAndGet();
                        return null;
                    });
                } catch (WorkLane.Busy full) {
                    return null;
                }
            }));
        }
        for (Future<?> request : done) {
            request.get(1, TimeUnit.MINUTES); // only to catch a hang
        }
        requests.shutdown();
        assertEquals(1, atOnce.get(), "most pieces of work running at the same moment");
    }

    @Test
    void laneThreadsRunAtTheLowestPriorityOnLinux() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        String stat = AdminLanes.standard().passwords().call(() -> Files.readString(Path.of("/proc/thread-self/stat")));
        // Field 19 of stat is the nice value; the command name (field 2) is in parentheses and may hold spaces.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        assertEquals(BackgroundPriority.NICE, Integer.parseInt(fields[19 - 3]), stat);
    }
}
