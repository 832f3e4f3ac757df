package hotline.accounts;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing. Each attempt is counted before its password is checked, so that attempts sent in
 * parallel cannot all slip through before the first failure is known. After a few attempts for one account name,
 * or many from one address, each further attempt must wait, twice as long each time, up to 15 minutes; a success
 * clears the name's count.
 * <p>
 * A browser that has signed in to the account before (it shows a valid {@link DeviceCookies device cookie}) is
 * counted on its own instead, per device, so that someone guessing elsewhere cannot lock the account's owner out.
 * <p>
 * Memory is bounded whatever arrives: names are counted by their first {@link #LONGEST_NAME} characters (no account
 * name is longer), an entry is forgotten {@link #FORGOTTEN_AFTER} after its last attempt once it no longer blocks,
 * and at most {@link #MOST_ENTRIES} are kept.
 */
final class LoginThrottle {
    static final int FREE_ATTEMPTS_PER_NAME = 3;
    static final int FREE_ATTEMPTS_PER_ADDRESS = 10;
    static final int FREE_ATTEMPTS_PER_DEVICE = 3;
    static final int LONGEST_NAME = 64;
    static final int MOST_ENTRIES = 10_000;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);

    /** One sign-in attempt: the account name typed, the client's address, and its device if it showed a valid cookie. */
    record Attempt(String name, String address, Optional<String> device) {
    }

    /** Whether the attempt may go ahead and, if not, how long to wait; how many attempts in a row were counted. */
    record Decision(Optional<Duration> mustWait, int inARow) {
        boolean allowed() {
            return mustWait.isEmpty();
        }
    }

    private record Entry(int count, long blockedUntilNanos, long lastNanos) {
    }

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final AtomicLong lastSweepNanos;

    LoginThrottle() {
        this(System::nanoTime);
    }

    /** @param nanoTime the machine's timer; tests pass their own */
    LoginThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.lastSweepNanos = new AtomicLong(nanoTime.getAsLong());
    }

    /** Counts the attempt, unless it must wait: then nothing is counted and the wait is returned. */
    Decision begin(Attempt attempt) {
        long now = nanoTime.getAsLong();
        sweep(now);
        if (attempt.device().isPresent()) {
            return count(deviceKey(attempt), FREE_ATTEMPTS_PER_DEVICE, now);
        }
        Decision address = count(addressKey(attempt), FREE_ATTEMPTS_PER_ADDRESS, now);
        if (!address.allowed()) {
            return address;
        }
        Decision name = count(nameKey(attempt), FREE_ATTEMPTS_PER_NAME, now);
        if (!name.allowed()) {
            uncount(addressKey(attempt));
        }
        return name;
    }

    /** The password was right: the name's (or the device's) count starts again, and the address's forgets this one. */
    void succeeded(Attempt attempt) {
        if (attempt.device().isPresent()) {
            entries.remove(deviceKey(attempt));
        } else {
            entries.remove(nameKey(attempt));
            uncount(addressKey(attempt));
        }
    }

    /** The attempt was counted but never checked (the hotline was too busy): it does not count. */
    void withdrawn(Attempt attempt) {
        if (attempt.device().isPresent()) {
            uncount(deviceKey(attempt));
        } else {
            uncount(nameKey(attempt));
            uncount(addressKey(attempt));
        }
    }

    /** How many names, addresses and devices are remembered, and how many characters that takes: for tests. */
    int size() {
        return entries.size();
    }

    long retainedCharacters() {
        return entries.keySet().stream().mapToLong(String::length).sum();
    }

    private Decision count(String key, int free, long now) {
        makeRoomFor(key, now);
        long[] wait = {0};
        Entry counted = entries.compute(key, (k, before) -> {
            Entry current = before == null || forgotten(before, now) ? null : before;
            if (current != null && current.blockedUntilNanos() - now > 0) {
                wait[0] = current.blockedUntilNanos() - now;
                return current;
            }
            int count = current == null ? 1 : current.count() + 1;
            long block = count <= free ? 0 : Math.min(LONGEST_WAIT.toNanos(),
                    Duration.ofSeconds(1L << Math.min(count - free, 20)).toNanos());
            return new Entry(count, now + block, now);
        });
        return new Decision(wait[0] > 0 ? Optional.of(Duration.ofNanos(wait[0])) : Optional.empty(), counted.count());
    }

    private void uncount(String key) {
        entries.computeIfPresent(key, (k, entry) -> entry.count() <= 1 ? null
                : new Entry(entry.count() - 1, entry.blockedUntilNanos(), entry.lastNanos()));
    }

    /** Now and then, entries that are forgotten leave memory too (one attempt a minute does it, not every one). */
    private void sweep(long now) {
        long last = lastSweepNanos.get();
        if (now - last > SWEEP_EVERY.toNanos() && lastSweepNanos.compareAndSet(last, now)) {
            entries.values().removeIf(entry -> forgotten(entry, now));
        }
    }

    private boolean forgotten(Entry entry, long now) {
        return entry.blockedUntilNanos() - now <= 0 && now - entry.lastNanos() > FORGOTTEN_AFTER.toNanos();
    }

    /**
     * Before a new entry when the map is full: forget what no longer blocks; under a flood of names that all block,
     * the oldest half goes, since memory must stay bounded even then.
     */
    private void makeRoomFor(String key, long now) {
        if (entries.size() < MOST_ENTRIES || entries.containsKey(key)) {
            return;
        }
        entries.values().removeIf(entry -> forgotten(entry, now));
        if (entries.size() >= MOST_ENTRIES) {
            entries.values().removeIf(entry -> entry.blockedUntilNanos() - now <= 0);
        }
        if (entries.size() >= MOST_ENTRIES) {
            entries.entrySet().stream().sorted(Comparator.comparingLong(e -> e.getValue().lastNanos()))
                    .limit(entries.size() / 2).map(Map.Entry::getKey).toList().forEach(entries::remove);
        }
    }

    /** Cut before it is normalized: a name of a megabyte is not copied whole, again and again. */
    private static String nameKey(Attempt attempt) {
        String name = attempt.name() == null ? "" : attempt.name();
        int start = 0;
        while (start < name.length() && Character.isWhitespace(name.charAt(start))) {
            start++;
        }
        return "name:" + Accounts.normalized(name.substring(start, Math.min(name.length(), start + LONGEST_NAME)));
    }

    private static String addressKey(Attempt attempt) {
        return "address:" + attempt.address();
    }

    private static String deviceKey(Attempt attempt) {
        return "device:" + attempt.device().orElseThrow();
    }
}
