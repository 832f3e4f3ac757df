package hotline.voice;

import hotline.TestHotline;
import hotline.catalog.Catalog;
import hotline.catalog.CatalogValidator;
import hotline.catalog.PromptFiles;
import hotline.voice.CallStep.MenuStep;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attack (or the accident): an admin publishes a corrected phone number while calls pour in, and a request
 * that still holds the old catalog stores its old answer just after the publish. The correction must take effect
 * for every request that reads the new catalog, in every round, whatever the interleaving.
 */
class StaleAnswerAfterPublishTest {
    private static final int ROUNDS = 600;
    private static final int CALLERS = 4;
    /** Answers each caller asks for after the publish, before the round ends: counted, never timed. */
    private static final int CALLS_AFTER_PUBLISH = 200;
    /** Requests per caller that read the old catalog before the publish and are answered after it. */
    private static final int IN_FLIGHT_AT_PUBLISH = 20;
    private static final String OLD_NUMBER = "+12132572076";
    private static final String CORRECTED_NUMBER = "+12132572099";
    private static final Instant WEDNESDAY_10AM = TestHotline.OFFICE_HOURS.atZone(TestHotline.LOS_ANGELES).toInstant();
    private static final MenuStep MAIN = MenuStep.of("en-US", Menu.MAIN);
    private static final CallInput SPEAK_NOW = CallInput.pressed("0");

    private final CallFlow flow = new CallFlow(new StepUrls(URI.create(TestHotline.PUBLIC_URL)));

    @Test
    void aCorrectedNumberTakesEffectForEveryRequestThatReadsTheNewCatalog() throws Exception {
        Catalog before = catalogWithOfficeNumber(OLD_NUMBER);
        Catalog corrected = catalogWithOfficeNumber(CORRECTED_NUMBER);
        byte[] expectedBefore = twiml(before);
        byte[] expectedAfter = twiml(corrected);
        assertTrue(new String(expectedAfter, StandardCharsets.UTF_8).contains(CORRECTED_NUMBER), "key 0 dials the office");

        ExecutorService pool = Executors.newFixedThreadPool(2 * CALLERS);
        AtomicInteger staleRounds = new AtomicInteger();
        AtomicInteger mixedUpRounds = new AtomicInteger();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                play(pool, before, corrected, expectedBefore, expectedAfter, staleRounds, mixedUpRounds);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("0 and 0", staleRounds + " and " + mixedUpRounds.get(), "rounds of " + ROUNDS + " in which the "
                + "corrected catalog was answered with the old number, and in which the old catalog got the new answer");
    }

    /**
     * One round: callers hammer a fresh cache, some requests hold the old catalog across the publish; counts the
     * round if any request got an answer built from the other catalog.
     */
    private void play(ExecutorService pool, Catalog before, Catalog corrected, byte[] expectedBefore, byte[] expectedAfter,
                      AtomicInteger staleRounds, AtomicInteger mixedUpRounds) throws Exception {
        AnswerCache cache = new AnswerCache();
        AtomicReference<Catalog> live = new AtomicReference<>(before);
        CountDownLatch published = new CountDownLatch(1);
        AtomicInteger stale = new AtomicInteger();
        AtomicInteger mixedUp = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        // Requests that read the catalog just before the publish and are answered just after it.
        for (int caller = 0; caller < CALLERS; caller++) {
            Catalog held = live.get(); // read here, before the publish, whenever the task starts
            work.add(pool.submit(() -> {
                published.await();
                for (int inFlight = 0; inFlight < IN_FLIGHT_AT_PUBLISH; inFlight++) {
                    if (!Arrays.equals(expectedBefore, answer(cache, held))) {
                        mixedUp.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (int caller = 0; caller < CALLERS; caller++) {
            work.add(pool.submit(() -> {
                int afterPublish = 0;
                while (afterPublish < CALLS_AFTER_PUBLISH) {
                    Catalog held = live.get();
                    byte[] answer = answer(cache, held);
                    if (held == corrected) {
                        afterPublish++;
                        if (!Arrays.equals(expectedAfter, answer)) {
                            stale.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        live.set(corrected);
        published.countDown();
        for (Future<?> done : work) {
            done.get(2, TimeUnit.MINUTES); // a bound that only catches a hang
        }
        if (stale.get() > 0) {
            staleRounds.incrementAndGet();
        }
        if (mixedUp.get() > 0) {
            mixedUpRounds.incrementAndGet();
        }
    }

    private byte[] answer(AnswerCache cache, Catalog held) {
        return cache.answer(held, MAIN, SPEAK_NOW, WEDNESDAY_10AM, () -> flow.respond(held, MAIN, SPEAK_NOW, WEDNESDAY_10AM)).twiml();
    }

    private byte[] twiml(Catalog catalog) {
        return flow.respond(catalog, MAIN, SPEAK_NOW, WEDNESDAY_10AM).twiml().toXml().getBytes(StandardCharsets.UTF_8);
    }

    /** The seed content with the program office's number as given, as an admin's correction would leave it. */
    private static Catalog catalogWithOfficeNumber(String number) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(TestHotline.SEED_PROMPTS)) {
            for (Path file : paths.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file).replace(OLD_NUMBER, number));
            }
        }
        return CatalogValidator.validate(PromptFiles.parse(files));
    }
}
