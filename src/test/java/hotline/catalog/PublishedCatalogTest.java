package hotline.catalog;

import hotline.TestHotline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What callers hear only moves forward: an instance never goes back to a version older than one it served. */
class PublishedCatalogTest {
    private static final Catalog SEED = PromptDirectory.load(TestHotline.SEED_PROMPTS);

    @Test
    void anOlderVersionArrivingLateIsIgnoredANewerOneServed() {
        PublishedCatalog published = new PublishedCatalog(SEED.withVersion("v7"));
        assertFalse(published.publish(SEED.withVersion("v6")), "a slow publish of v6 after v7 was picked up");
        assertFalse(published.publish(SEED.withVersion("v7")));
        assertEquals("v7", published.get().version());
        assertTrue(published.publish(SEED.withVersion("v10")), "numbers, not text: v10 comes after v7");
        assertEquals("v10", published.get().version());
        assertEquals(1, published.publishesSinceStart());
    }

    @Test
    void contentThatWasNeverStoredIsServedAsGiven() {
        PublishedCatalog published = new PublishedCatalog(SEED.withVersion("v3"));
        assertTrue(published.publish(SEED.withVersion("files-abc")), "tests serve content of their own, unnumbered");
        assertEquals("files-abc", published.get().version());
    }
}
