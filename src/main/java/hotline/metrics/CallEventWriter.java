package hotline.metrics;

import hotline.db.Database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Supplier;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records call events without ever slowing a call: webhooks only put events on a bounded queue, and one writer
 * thread drains it in batches, one transaction each. When the database is slow, locked, full or gone, events
 * that cannot be queued or written are dropped and counted, and writing resumes by itself when it is back.
 * Closing flushes what is queued.
 */
public final class CallEventWriter implements AutoCloseable {
    static final int QUEUE_CAPACITY = 100_000;
    static final int MAX_BATCH = 2_000;
    /** How long the writer waits for more events after the first of a batch; events are stored at most this late. */
    static final Duration GATHER = Duration.ofMillis(20);
    private static final Duration RETENTION_CHECK_EVERY = Duration.ofHours(1);
    private static final Duration LOG_DROPS_AT_MOST_EVERY = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(CallEventWriter.class);

    private final Database database;
    /** The hotline's time zone, the published content's: the daily rollup dates events in it. */
    private final Supplier<ZoneId> zone;
    private final Clock clock;
    private final Duration retention;
    private final CallKeys keys;
    private final BlockingQueue<StoredEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private final Map<String, EventStore.Trail> trails = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EventStore.Trail> eldest) {
            return size() > 50_000;
        }
    };
    /**
     * With other instances, how long a call's end waits before it is stored: Twilio's status callback comes within
     * milliseconds of the call's last step, which another instance may still be writing; its end must be stored
     * with where the call really was last.
     */
    static final Duration END_HELD = Duration.ofSeconds(2);

    /** A call's end held back, and what came for the same call after it (a retried webhook): stored after the end. */
    private record HeldEnd(long dueNanos, StoredEvent end, List<StoredEvent> after) {
    }

    /** Ends held back, in the order they came (so the first is always the first due); the writer's thread only. */
    private final Deque<HeldEnd> heldEnds = new ArrayDeque<>();
    private final Map<String, HeldEnd> heldByCall = new HashMap<>();
    private volatile boolean closing;
    private volatile String lastProblem = "";
    // Cadences run on the machine's own timer; the injected clock only says what "now" is for the data.
    private long nextRetentionNanos = System.nanoTime();
    private long lastDropLogNanos = System.nanoTime() - LOG_DROPS_AT_MOST_EVERY.toNanos();
    private long droppedAtLastLog;
    private int failuresInARow;

    public CallEventWriter(Database database, Supplier<ZoneId> zone, Clock clock, Duration retention) {
        this.zone = zone;
        this.database = database;
        this.clock = clock;
        this.retention = retention;
        this.keys = new CallKeys(clock, database.shared() ? new SharedSecrets(database) : new MemorySecrets());
        this.thread = new Thread(this::run, "call-event-writer");
        this.thread.setDaemon(true);
    }

    public void start() {
        keys.refresh();
        thread.start();
    }

    /**
     * Queues the events of one webhook. Never blocks and never throws: a call must not wait on metrics.
     * The CallSid is used here to derive the call's key and is then forgotten.
     */
    public void record(String callSid, List<CallEvent> events, Instant now) {
        if (events.isEmpty()) {
            return;
        }
        try {
            String key = keys.keyFor(callSid);
            long minute = Math.floorDiv(now.getEpochSecond(), 60);
            for (CallEvent event : events) {
                if (!queue.offer(new StoredEvent(key, minute, event))) {
                    dropped.incrementAndGet();
                }
            }
        } catch (RuntimeException e) {
            dropped.addAndGet(events.size());
            log.warn("Could not queue call events: {}", e.toString());
        }
    }

    public EventStats stats() {
        return new EventStats(queue.size(), written.get(), dropped.get(), lastProblem);
    }

    private void run() {
        List<StoredEvent> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                keys.refresh();
                StoredEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                writeHeldEnds(closing && first == null);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    keepRetention();
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                if (batch.size() < MAX_BATCH && !closing) {
                    // Let a few more arrive: each batch costs a connection, a transaction and its rollup upserts, so
                    // one batch per event would take the cores the webhooks need just when they are busiest.
                    Thread.sleep(GATHER.toMillis());
                    queue.drainTo(batch, MAX_BATCH - batch.size());
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<StoredEvent> batch) throws InterruptedException {
        try {
            int stored;
            try (Connection connection = database.connect()) {
                connection.setAutoCommit(false);
                stored = writeInOrder(connection, batch);
                connection.commit();
            }
            written.addAndGet(stored);
            if (failuresInARow > 0) {
                log.info("Writing call events again after {} failed batch(es)", failuresInARow);
            }
            failuresInARow = 0;
            lastProblem = "";
        } catch (Exception e) {
            failed(batch.size(), e);
            Thread.sleep(Math.min(5_000, 100L << Math.min(failuresInARow, 6)));
        }
        logDrops();
    }

    /**
     * A call's end is stored with the menu it last reached, its language and what happened last (an invalid key,
     * say), so that drop-offs can be counted. The batch's other events are written first, so that where each call
     * was last seen can be read back from the database when this instance's memory does not know (after a restart).
     * With other instances, ends are held back a little instead (see {@link #END_HELD}) and read it all from the
     * database.
     *
     * @return how many events were written now
     */
    private int writeInOrder(Connection connection, List<StoredEvent> batch) throws SQLException {
        List<StoredEvent> steps = new ArrayList<>(batch.size());
        List<StoredEvent> ends = new ArrayList<>();
        for (StoredEvent stored : batch) {
            CallEvent event = stored.event();
            if (event.kind() == EventKind.CALL_ENDED && database.shared()) {
                HeldEnd held = new HeldEnd(System.nanoTime() + END_HELD.toNanos(), stored, new ArrayList<>());
                heldEnds.add(held);
                heldByCall.putIfAbsent(stored.callKey(), held);
            } else if (heldByCall.containsKey(stored.callKey())) {
                heldByCall.get(stored.callKey()).after().add(stored); // came after the end: is stored after it too
            } else if (event.kind() == EventKind.CALL_ENDED) {
                ends.add(stored);
            } else {
                EventStore.Trail before = trails.get(stored.callKey());
                String language = !event.language().isEmpty() ? event.language() : before == null ? "" : before.language();
                trails.put(stored.callKey(), new EventStore.Trail(event.menu(), language, event.kind().stored()));
                steps.add(stored);
            }
        }
        EventStore.write(connection, steps, zone.get());
        writeEnds(connection, ends);
        return steps.size() + ends.size();
    }

    private void writeEnds(Connection connection, List<StoredEvent> ends) throws SQLException {
        if (ends.isEmpty()) {
            return;
        }
        List<StoredEvent> completeEnds = new ArrayList<>(ends.size());
        for (StoredEvent end : ends) {
            EventStore.Trail remembered = trails.remove(end.callKey());
            EventStore.Trail trail = remembered;
            if (trail == null || database.shared()) {
                trail = EventStore.trailInDatabase(connection, end.callKey(), end.minute())
                        .orElse(remembered == null ? EventStore.Trail.NOWHERE : remembered);
            }
            completeEnds.add(end.with(end.event().ended(trail.menu(), trail.language(), trail.kind())));
        }
        // In one order on every instance: two that store the same call's end at once (Twilio retrying its status
        // callback on the other) must not each wait for a row the other holds.
        completeEnds.sort(Comparator.comparing(StoredEvent::callKey));
        EventStore.write(connection, completeEnds, zone.get());
    }

    /** Writes the held ends that are due (all of them when closing), in a transaction of their own. */
    private void writeHeldEnds(boolean all) throws InterruptedException {
        List<StoredEvent> due = new ArrayList<>();
        List<StoredEvent> after = new ArrayList<>();
        long now = System.nanoTime();
        while (!heldEnds.isEmpty() && (all || heldEnds.peek().dueNanos() - now <= 0)) {
            HeldEnd held = heldEnds.poll();
            heldByCall.remove(held.end().callKey(), held);
            due.add(held.end());
            after.addAll(held.after());
        }
        if (due.isEmpty()) {
            return;
        }
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            writeEnds(connection, due);
            EventStore.write(connection, after, zone.get());
            connection.commit();
            written.addAndGet(due.size() + after.size());
        } catch (Exception e) {
            failed(due.size() + after.size(), e);
        }
    }

    /** Events that could not be written are dropped and counted; the problem is kept for /healthz and the log. */
    private void failed(int events, Exception e) {
        dropped.addAndGet(events);
        failuresInARow++;
        lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
        logDrops();
    }

    private void keepRetention() {
        if (System.nanoTime() - nextRetentionNanos < 0) {
            return;
        }
        nextRetentionNanos = System.nanoTime() + RETENTION_CHECK_EVERY.toNanos();
        Instant now = clock.instant();
        long cutoff = Math.floorDiv(now.minus(retention).getEpochSecond(), 60);
        try {
            // Once an hour across all instances sharing the database, not once by each.
            database.onceAmongInstances("retention", RETENTION_CHECK_EVERY.minusMinutes(5), connection -> {
                int deleted = EventStore.deleteBefore(connection, cutoff);
                if (deleted > 0) {
                    log.info("Deleted {} raw call events older than {} days; hourly rollups are kept", deleted,
                            retention.toDays());
                }
            });
        } catch (Exception e) {
            log.warn("Could not delete old call events, will try again in an hour: {}", e.toString());
        }
    }

    private void logDrops() {
        long total = dropped.get();
        if (total > droppedAtLastLog && System.nanoTime() - lastDropLogNanos >= LOG_DROPS_AT_MOST_EVERY.toNanos()) {
            log.warn("Dropped {} call event(s), {} since the hotline started; calls are not affected. Last problem: {}",
                    total - droppedAtLastLog, total, lastProblem.isEmpty() ? "the queue was full" : lastProblem);
            droppedAtLastLog = total;
            lastDropLogNanos = System.nanoTime();
        }
    }

    /** Writes what is queued, then stops the writer thread. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        logDrops();
    }
}
