package hotline.content;

import hotline.catalog.Catalog;
import hotline.catalog.CatalogCheck;
import hotline.catalog.CatalogValidator;
import hotline.catalog.PublishedCatalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * For an instance that shares its database with others: once a second it asks the database for the newest published
 * version and, if another instance published one newer than what this one serves, serves it too. So a publish on any
 * instance is heard on every instance within about a second (the README promises five).
 * <p>
 * Polling rather than PostgreSQL's LISTEN/NOTIFY: a notification sent while an instance's connection was down is
 * lost, and a poll needs nothing to recover; one indexed query a second per instance costs nothing.
 * While the database cannot be reached, the instance goes on serving what it has, and catches up when it is back.
 */
public final class ContentFollower implements AutoCloseable {
    static final Duration EVERY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(ContentFollower.class);

    private final ContentStore store;
    private final PublishedCatalog published;
    /** Told of each version this instance serves (the one it started with too): to copy its recordings ahead. */
    private final Consumer<Catalog> served;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "content-follower");
        thread.setDaemon(true);
        return thread;
    });
    private String lastProblem = "";

    public ContentFollower(ContentStore store, PublishedCatalog published, Consumer<Catalog> served) {
        this.store = store;
        this.published = published;
        this.served = served;
    }

    public void start() {
        timer.execute(() -> tell(published.get()));
        timer.scheduleWithFixedDelay(this::catchUp, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tell(Catalog catalog) {
        try {
            served.accept(catalog);
        } catch (RuntimeException e) {
            log.warn("Could not prepare {} for callers ahead ({}); it is prepared when first needed", catalog.version(),
                    e.toString());
        }
    }

    /** Serves the newest published version if it is newer than the one served. Never throws: the timer must go on. */
    void catchUp() {
        try {
            Optional<ContentStore.Version> latest = store.latest();
            if (latest.isPresent() && latest.get().id() > PublishedCatalog.number(published.get())) {
                follow(latest.get());
            }
            if (!lastProblem.isEmpty()) {
                log.info("Reading published versions from the database again");
                lastProblem = "";
            }
        } catch (RuntimeException e) {
            String problem = e.toString();
            if (!problem.equals(lastProblem)) {
                log.warn("Could not check the database for a version published on another instance; callers hear {} "
                        + "until it can ({})", published.get().version(), problem);
                lastProblem = problem;
            }
        }
    }

    private void follow(ContentStore.Version version) {
        CatalogCheck check = CatalogValidator.checkPublished(store.content(version.id()).orElseThrow());
        if (!check.ok()) {
            // Every instance checks content before it publishes it: this is a release that reads it differently.
            log.error("Version {} was published on another instance, but this instance cannot serve it, so it goes on "
                    + "serving {}: {}", version.label(), published.get().version(), check.errors());
            return;
        }
        Catalog catalog = check.catalog().orElseThrow().withVersion(version.label());
        if (published.publish(catalog)) {
            log.info("Now serving {}, published by {} on another instance", version.label(), version.publishedBy());
            tell(catalog);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
