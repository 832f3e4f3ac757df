package hotline.content;

import hotline.Slow;
import hotline.TestHotline;
import hotline.WebClient;
import hotline.accounts.Role;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One admin publishes while another saves an edit: the publish validates the draft it read, then stores it, and
 * used to write it back as the draft, overwriting the edit saved in between without a word. Now a publish whose
 * draft changed meanwhile publishes nothing and says so; a saved edit is never lost.
 */
@Slow
class LostEditDuringPublishTest {
    private static final int ROUNDS = 15;
    private static final String KEY = "error.apology";

    @Test
    void aPublishOfADraftThatChangedSinceItWasReadStoresNothing() {
        try (TestHotline hotline = TestHotline.start()) {
            ContentStore store = new ContentStore(hotline.database, hotline.clock);
            ContentStore.Draft read = store.draft();
            store.updateDraft("ana", content -> DraftEdits.withPrompts(content, "en-US",
                    withText(content.prompts().get("en-US"), "Saved by Ana meanwhile.")));
            long versionsBefore = store.versions().size();

            ContentStore.DraftChangedException refused = assertThrows(ContentStore.DraftChangedException.class,
                    () -> store.publish(read.content(), "maria", "a note", Optional.empty(), Optional.of(read.revision()),
                            draft -> read.content()));
            assertEquals("ana", refused.draft().updatedBy());
            assertEquals(versionsBefore, store.versions().size(), "no version stored");
            assertEquals("Saved by Ana meanwhile.", store.draft().content().prompts().get("en-US").get(KEY), "her edit is kept");
        }
    }

    @Test
    void anEditSavedWhileAnotherAdminPublishesIsNeverLost() throws Exception {
        try (TestHotline hotline = TestHotline.start()) {
            WebClient maria = hotline.signedInAdmin();
            hotline.addAccount("ana", Role.ADMIN, TestHotline.ADMIN_PASSWORD);
            WebClient ana = hotline.browser();
            assertEquals(303, ana.signIn("ana", TestHotline.ADMIN_PASSWORD).statusCode());
            ContentStore store = new ContentStore(hotline.database, hotline.clock);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            int conflicts = 0;
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    maria.get("/admin");
                    ana.get("/admin/prompts?lang=en-US");
                    // Letters, not digits: a figure only English had would stop every publish.
                    String text = "We are sorry, round " + letters(round) + ".";
                    String note = "round " + round;
                    CountDownLatch go = new CountDownLatch(1);
                    Future<HttpResponse<String>> publish = pool.submit(() -> {
                        go.await();
                        return maria.post("/admin/publish", Map.of("note", note));
                    });
                    Future<HttpResponse<String>> edit = pool.submit(() -> {
                        go.await();
                        return ana.submit("/admin/prompts", Map.of(KEY, text));
                    });
                    go.countDown();
                    HttpResponse<String> published = publish.get(2, TimeUnit.MINUTES); // bounds only catch a hang
                    HttpResponse<String> saved = edit.get(2, TimeUnit.MINUTES);
                    assertEquals(303, saved.statusCode(), "the edit was saved: " + saved.body());
                    assertEquals(text, store.draft().content().prompts().get("en-US").get(KEY),
                            "round " + round + ": the saved edit is still in the draft (publish answered "
                                    + published.statusCode() + ")");
                    assertEquals(303, published.statusCode(), "published or refused, back to the Publish page");
                    String back = published.headers().firstValue("Location").orElse("");
                    if (back.contains("?typed=")) {
                        conflicts++;
                        String page = maria.get(back).body();
                        assertTrue(page.contains("ana saved a change to the draft while it was being published"), page);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            System.out.printf("%d of %d publishes met an edit saved meanwhile and published nothing%n", conflicts, ROUNDS);
        }
    }

    /** 0 is "a", 25 is "z", 26 is "ba": a round told apart without a figure. */
    private static String letters(int round) {
        return Integer.toString(round, 26).chars().mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 26))))
                .collect(java.util.stream.Collectors.joining());
    }

    private static Map<String, Object> withText(Map<String, Object> texts, String text) {
        Map<String, Object> changed = new java.util.LinkedHashMap<>(texts);
        changed.put(KEY, text);
        return changed;
    }

}
