package hotline.catalog;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The catalog callers hear right now. Publishing swaps it in one step, so every webhook sees either the old
 * version or the new one, whole, and never waits for anything.
 * <p>
 * Versions only move forward: a version older than the one served (a slow instance's publish arriving after a
 * newer one was picked up from the database, say) is ignored, so callers never hear content go back in time. A
 * rollback is itself a new, newer version.
 */
public final class PublishedCatalog implements Supplier<Catalog> {
    private final AtomicReference<Catalog> current;
    private final AtomicLong publishes = new AtomicLong();

    public PublishedCatalog(Catalog initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    @Override
    public Catalog get() {
        return current.get();
    }

    /** @return whether {@code next} is now served; false when a version as new or newer already is */
    public boolean publish(Catalog next) {
        Objects.requireNonNull(next);
        Catalog before;
        do {
            before = current.get();
            if (number(next) >= 0 && number(next) <= number(before)) {
                return false;
            }
        } while (!current.compareAndSet(before, next));
        publishes.incrementAndGet();
        return true;
    }

    /** The number of a stored version's label ({@code v7}); -1 for content that was never stored (tests' own). */
    public static long number(Catalog catalog) {
        String label = catalog.version();
        return label != null && label.matches("v[0-9]{1,18}") ? Long.parseLong(label.substring(1)) : -1;
    }

    /** How many versions were published (or rolled back to) since the hotline started. */
    public long publishesSinceStart() {
        return publishes.get();
    }
}
