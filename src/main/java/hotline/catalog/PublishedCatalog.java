package hotline.catalog;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The catalog callers hear right now. Publishing swaps it in one step, so every webhook sees either the old
 * version or the new one, whole, and never waits for anything.
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

    public void publish(Catalog next) {
        current.set(Objects.requireNonNull(next));
        publishes.incrementAndGet();
    }

    /** How many versions were published (or rolled back to) since the hotline started. */
    public long publishesSinceStart() {
        return publishes.get();
    }
}
