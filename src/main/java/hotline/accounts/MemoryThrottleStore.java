package hotline.accounts;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/** The throttle's entries in this instance's memory, at most {@link LoginThrottle#MOST_ENTRIES}. */
final class MemoryThrottleStore implements LoginThrottle.Store {
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Map<String, LoginThrottle.Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong lastSweepNanos;

    MemoryThrottleStore(long nowNanos) {
        this.lastSweepNanos = new AtomicLong(nowNanos);
    }

    @Override
    public LoginThrottle.Entry update(String key, long now, UnaryOperator<LoginThrottle.Entry> change) {
        sweep(now);
        makeRoomFor(key, now);
        return entries.compute(key, (k, before) -> change.apply(before));
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public long retainedCharacters() {
        return entries.keySet().stream().mapToLong(String::length).sum();
    }

    /** Now and then, entries that are forgotten leave memory too (one attempt a minute does it, not every one). */
    private void sweep(long now) {
        long last = lastSweepNanos.get();
        if (now - last > SWEEP_EVERY.toNanos() && lastSweepNanos.compareAndSet(last, now)) {
            entries.values().removeIf(entry -> entry.forgotten(now));
        }
    }

    /**
     * Before a new entry when the map is full: forget what no longer blocks; under a flood of names that all block,
     * the oldest half goes, since memory must stay bounded even then.
     */
    private void makeRoomFor(String key, long now) {
        if (entries.size() < LoginThrottle.MOST_ENTRIES || entries.containsKey(key)) {
            return;
        }
        entries.values().removeIf(entry -> entry.forgotten(now));
        if (entries.size() >= LoginThrottle.MOST_ENTRIES) {
            entries.values().removeIf(entry -> entry.blockedUntilNanos() - now <= 0);
        }
        if (entries.size() >= LoginThrottle.MOST_ENTRIES) {
            entries.entrySet().stream().sorted(Comparator.comparingLong(e -> e.getValue().lastNanos()))
                    .limit(entries.size() / 2).map(Map.Entry::getKey).toList().forEach(entries::remove);
        }
    }
}
