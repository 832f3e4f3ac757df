package hotline.accounts;

import hotline.db.Database;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * Slows down password guessing. Each attempt is counted before its password is checked, so that attempts sent in
 * parallel cannot all slip through before the first failure is known. After a few attempts for one account name,
 * or many from one address, each further attempt must wait, twice as long each time, up to 15 minutes; a success
 * clears the name's count.
 * <p>
 * A browser that has signed in to the account before (it shows a valid {@link DeviceCookies device cookie}) is
 * counted on its own instead, per device, so that someone guessing elsewhere cannot lock the account's owner out.
 * <p>
 * What is kept is bounded whatever arrives: names are counted by their first {@link #LONGEST_NAME} characters (no
 * account name is longer), and an entry is forgotten {@link #FORGOTTEN_AFTER} after its last attempt once it no longer
 * blocks. One instance alone keeps them in memory, at most {@link #MOST_ENTRIES}; instances that share a database
 * keep them there, so that spreading guesses over instances dodges nothing.
 */
public final class LoginThrottle {
    public static final int FREE_ATTEMPTS_PER_NAME = 3;
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

    /** What is kept of one name, address or device: attempts in a row, until when it must wait, and its last attempt. */
    record Entry(int count, long blockedUntilNanos, long lastNanos) {
        boolean forgotten(long now) {
            return blockedUntilNanos - now <= 0 && now - lastNanos > FORGOTTEN_AFTER.toNanos();
        }
    }

    /**
     * Where the entries are kept: this instance's memory, or the database that several instances share, so that
     * guesses spread over instances add up.
     */
    interface Store {
        /** Replaces the key's entry (null: none) with what {@code change} makes of it, atomically; returns the result. */
        Entry update(String key, long now, UnaryOperator<Entry> change);

        /** How many entries are kept, and how many characters their keys take: for tests. */
        int size();

        long retainedCharacters();
    }

    private final Store store;
    private final LongSupplier nanoTime;

    LoginThrottle() {
        this(System::nanoTime);
    }

    /** @param nanoTime the machine's timer; tests pass their own */
    LoginThrottle(LongSupplier nanoTime) {
        this(new MemoryThrottleStore(nanoTime.getAsLong()), nanoTime);
    }

    LoginThrottle(Store store, LongSupplier nanoTime) {
        this.store = store;
        this.nanoTime = nanoTime;
    }

    /**
     * The throttle for a hotline on {@code database}: in memory for one instance alone; in the database when other
     * instances share it, timed by the machines' clocks (which must agree, as they must for TLS anyway) rather than
     * each machine's own timer.
     */
    public static LoginThrottle forDatabase(Database database) {
        return database.shared()
                ? new LoginThrottle(new DatabaseThrottleStore(database), () -> System.currentTimeMillis() * 1_000_000L)
                : new LoginThrottle();
    }

    /** Counts the attempt, unless it must wait: then nothing is counted and the wait is returned. */
    Decision begin(Attempt attempt) {
        long now = nanoTime.getAsLong();
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
        long now = nanoTime.getAsLong();
        if (attempt.device().isPresent()) {
            store.update(deviceKey(attempt), now, entry -> null);
        } else {
            store.update(nameKey(attempt), now, entry -> null);
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
        return store.size();
    }

    long retainedCharacters() {
        return store.retainedCharacters();
    }

    private Decision count(String key, int free, long now) {
        long[] wait = {0};
        Entry counted = store.update(key, now, before -> {
            Entry current = before == null || before.forgotten(now) ? null : before;
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
        store.update(key, nanoTime.getAsLong(), entry -> entry == null || entry.count() <= 1 ? null
                : new Entry(entry.count() - 1, entry.blockedUntilNanos(), entry.lastNanos()));
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
