package hotline.content;

import hotline.TestDatabases;
import hotline.TestHotline;
import hotline.audit.AuditLog;
import hotline.catalog.Catalog;
import hotline.catalog.CatalogException;
import hotline.catalog.CatalogSource;
import hotline.catalog.PromptDirectory;
import hotline.catalog.PromptKey;
import hotline.db.Database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What callers hear at start-up: prompts/ on an empty database, then always the latest published version. */
class ContentStartupTest {
    @TempDir
    Path dataDir;

    private final Clock clock = Clock.systemUTC();

    @Test
    void anEmptyDatabaseIsSeededFromThePromptFilesOnce() {
        Database database = TestDatabases.open(dataDir);
        ContentStore store = new ContentStore(database, clock);
        Catalog first = ContentStartup.published(store, TestHotline.SEED_PROMPTS, new AuditLog(database, clock));
        assertEquals("v1", first.version());
        Catalog again = ContentStartup.published(store, TestHotline.SEED_PROMPTS, new AuditLog(database, clock));
        assertEquals("v1", again.version(), "a restart publishes nothing new");
        assertEquals(1, store.versions().size());
    }

    @Test
    void afterThatTheDatabaseWinsOverThePromptFiles(@TempDir Path otherPrompts) {
        Database database = TestDatabases.open(dataDir);
        ContentStore store = new ContentStore(database, clock);
        ContentStartup.published(store, TestHotline.SEED_PROMPTS, new AuditLog(database, clock));
        CatalogSource edited = store.draft().content();
        Map<String, Map<String, Object>> prompts = new LinkedHashMap<>(edited.prompts());
        Map<String, Object> english = new LinkedHashMap<>(prompts.get("en-US"));
        english.put("transfer.goodbye", "Goodbye, and take care.");
        prompts.put("en-US", english);
        store.publish(edited.withPrompts(prompts), "maria", "warmer goodbye", Optional.empty());

        Catalog started = ContentStartup.published(store, otherPrompts, new AuditLog(database, clock));
        assertEquals("v2", started.version());
        assertEquals("Goodbye, and take care.", started.prompts().get("en-US").text(PromptKey.TRANSFER_GOODBYE));
    }

    @Test
    void textsANewReleaseNeedsAreAddedFromThePromptFilesWithoutTouchingEditedOnes() {
        Database database = TestDatabases.open(dataDir);
        ContentStore store = new ContentStore(database, clock);
        CatalogSource seed = PromptDirectory.read(TestHotline.SEED_PROMPTS);
        Map<String, Map<String, Object>> older = new LinkedHashMap<>();
        seed.prompts().forEach((language, texts) -> {
            Map<String, Object> withoutNewKey = new LinkedHashMap<>(texts);
            withoutNewKey.remove("transfer.call_later");
            withoutNewKey.put("transfer.goodbye", "An admin's own goodbye.");
            older.put(language, withoutNewKey);
        });
        store.publish(seed.withPrompts(older), "maria", "before the upgrade", Optional.empty());

        Catalog started = ContentStartup.published(store, TestHotline.SEED_PROMPTS, new AuditLog(database, clock));

        assertEquals("v2", started.version());
        assertTrue(started.prompts().get("es-US").text(PromptKey.TRANSFER_CALL_LATER).startsWith("Puede comunicarse"));
        assertEquals("An admin's own goodbye.", started.prompts().get("es-US").text(PromptKey.TRANSFER_GOODBYE));
        assertEquals("Texts and settings new in this release of the hotline, from the prompt files", store.latest().orElseThrow().note());
    }

    /**
     * Content published by the release before line kinds, the whisper and language names (and with the names
     * callers could say in the language menu, which is keys only now): it starts, completed from the prompt files.
     */
    @Test
    void contentFromBeforeLineKindsAndTheWhisperIsCompletedFromThePromptFiles() throws Exception {
        Database database = TestDatabases.open(dataDir);
        ContentStore store = new ContentStore(database, clock);
        CatalogSource seed = PromptDirectory.read(TestHotline.SEED_PROMPTS);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode old = json.valueToTree(seed.withVersion(null));
        ((com.fasterxml.jackson.databind.node.ObjectNode) old.get("lines")).remove("whisper");
        old.get("lines").get("lines").forEach(line -> ((com.fasterxml.jackson.databind.node.ObjectNode) line).remove("kind"));
        old.get("languages").get("languages").forEach(language -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) language).remove("name");
            ((com.fasterxml.jackson.databind.node.ObjectNode) language).putArray("spoken_names").add("English");
        });
        old.get("prompts").forEach(texts -> ((com.fasterxml.jackson.databind.node.ObjectNode) texts).remove(
                java.util.List.of("line_kinds.hotline", "line_kinds.law_enforcement", "lines_menu.law_enforcement")));
        store.publish(json.treeToValue(old, CatalogSource.class), "maria", "before line kinds", Optional.empty());

        Catalog started = ContentStartup.published(store, TestHotline.SEED_PROMPTS, new AuditLog(database, clock));

        assertEquals("v2", started.version());
        assertEquals(hotline.catalog.LineKind.IMMIGRATION_ENFORCEMENT, started.line("ice_hsi").orElseThrow().kind());
        assertTrue(started.whisper().isPresent());
        assertEquals("Spanish", started.language("es-US").orElseThrow().name(), "a name from the language code");
        assertEquals(seed.prompts().get("en-US").get("line_kinds.law_enforcement"),
                started.prompts().get("en-US").text(PromptKey.LINE_KIND_LAW_ENFORCEMENT));
    }

    @Test
    void aPublishedVersionThatCannotBeCompletedStopsStartUpWithItsProblems() {
        Database database = TestDatabases.open(dataDir);
        ContentStore store = new ContentStore(database, clock);
        CatalogSource seed = PromptDirectory.read(TestHotline.SEED_PROMPTS);
        var lines = seed.lines();
        var broken = lines.withSettings(lines.timeZone(), lines.dialTimeoutSeconds(), "nobody", lines.speakNow());
        store.publish(seed.withLines(broken), "maria", "broken", Optional.empty());
        CatalogException error = assertThrows(CatalogException.class,
                () -> ContentStartup.published(store, TestHotline.SEED_PROMPTS, new AuditLog(database, clock)));
        assertTrue(error.getMessage().contains("lines.yaml: hotline: \"nobody\""), error.getMessage());
    }
}
