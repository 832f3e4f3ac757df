package hotline.accounts;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after a few failures for one account name, or many from one address, each
 * further attempt must wait, twice as long each time, up to 15 minutes. A success clears the name's count.
 */
final class LoginThrottle {
    static final int FREE_FAILURES_PER_NAME = 3;
    static final int FREE_FAILURES_PER_ADDRESS = 10;
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, long blockedUntilNanos) {
    }

    /** How long this attempt must wait, if at all. */
    Optional<Duration> waitFor(String name, String address) {
        long now = System.nanoTime();
        long wait = Math.max(remaining(nameKey(name), now), remaining(addressKey(address), now));
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    /** Counts a failure; returns how many in a row for this name. */
    int failed(String name, String address) {
        record(addressKey(address), FREE_FAILURES_PER_ADDRESS);
        return record(nameKey(name), FREE_FAILURES_PER_NAME);
    }

    void succeeded(String name) {
        failures.remove(nameKey(name));
    }

    private int record(String key, int free) {
        Failures updated = failures.compute(key, (k, before) -> {
            int count = before == null ? 1 : before.count() + 1;
            long wait = count <= free ? 0 : Math.min(LONGEST_WAIT.toNanos(), Duration.ofSeconds(1L << Math.min(count - free, 20)).toNanos());
            return new Failures(count, System.nanoTime() + wait);
        });
        return updated.count();
    }

    private long remaining(String key, long now) {
        Failures f = failures.get(key);
        return f == null ? 0 : f.blockedUntilNanos() - now;
    }

    private static String nameKey(String name) {
        return "name:" + Accounts.normalized(name);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
