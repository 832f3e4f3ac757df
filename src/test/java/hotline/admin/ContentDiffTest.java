package hotline.admin;

import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogSource.LineEntry;
import hotline.catalog.PromptDirectory;
import hotline.catalog.PromptKey;
import hotline.content.DraftEdits;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What differs between two versions, named in words; one change reverted alone; a draft's changes carried elsewhere. */
class ContentDiffTest {
    private static final CatalogSource SEED = PromptDirectory.read(Path.of("prompts"));

    private static CatalogSource withNumber(CatalogSource source, String id, String number) {
        LineEntry line = source.lines().lines().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
        return DraftEdits.withLine(source, new LineEntry(line.id(), line.kind(), line.names(), line.notes(), number,
                line.open24Hours(), line.hours(), line.closedDates(), line.failover(), line.whisper(), line.enabled()));
    }

    private static CatalogSource withText(CatalogSource source, String language, String key, String text) {
        Map<String, Object> texts = new LinkedHashMap<>(source.prompts().get(language));
        texts.put(key, text);
        return DraftEdits.withPrompts(source, language, texts);
    }

    @Test
    void changesAreNamedAsPeopleNameThingsWithNumbersAsTheyWriteThem() {
        CatalogSource draft = withText(withNumber(SEED, "lapd", "+13235550142"), "es-US", "transfer.busy", "La línea está ocupada.");
        List<ContentDiff.Change> changes = ContentDiff.between(SEED, draft);
        assertEquals(2, changes.size(), changes.toString());
        assertEquals(new ContentDiff.Change("line:lapd:number", "Line: the Los Angeles Police Department", "Number",
                "lines.yaml › lapd › number", "(877) 275-5273", "(323) 555-0142"), changes.get(0));
        assertEquals(new ContentDiff.Change("prompt:es-US:transfer.busy", "Prompts in Spanish", "Transfers: The line is busy",
                "transfer.busy", "Esa línea está ocupada.", "La línea está ocupada."), changes.get(1));
    }

    @Test
    void oneChangeIsRevertedAndTheOthersStay() {
        CatalogSource draft = withText(withNumber(SEED, "lapd", "+13235550142"), "es-US", "transfer.busy", "La línea está ocupada.");
        CatalogSource reverted = ContentDiff.withPart(draft, SEED, "line:lapd:number");
        assertEquals(List.of("prompt:es-US:transfer.busy"), ContentDiff.between(SEED, reverted).stream().map(ContentDiff.Change::id).toList());
    }

    @Test
    void aDeletedLineIsOneChangeAndComesBackInItsPlace() {
        CatalogSource draft = DraftEdits.withoutLine(SEED, "lapd");
        List<ContentDiff.Change> changes = ContentDiff.between(SEED, draft);
        assertTrue(changes.stream().anyMatch(c -> c.id().equals("line:lapd") && c.field().equals("Deleted")
                && c.before().equals("the Los Angeles Police Department, (877) 275-5273, Law enforcement agency")), changes.toString());
        assertTrue(changes.stream().noneMatch(c -> c.id().startsWith("line:lapd:")), "not one change per field");
        CatalogSource back = ContentDiff.withPart(ContentDiff.withPart(draft, SEED, "line:lapd"), SEED, "directory:order");
        assertEquals(SEED.lines(), back.lines());
    }

    @Test
    void aDraftsChangesAreCarriedOntoAnEarlierVersion() {
        CatalogSource earlier = SEED;
        CatalogSource live = withNumber(SEED, "lapd", "+13235550142");
        CatalogSource draft = withText(live, "es-US", "transfer.busy", "La línea está ocupada.");
        CatalogSource kept = ContentDiff.carried(earlier, live, draft);
        assertEquals("+18772755273", kept.lines().lines().get(9).number(), "the earlier version's number");
        assertEquals("La línea está ocupada.", kept.prompts().get("es-US").get("transfer.busy"), "the draft's own change");
        assertEquals(1, ContentDiff.between(earlier, kept).size());
    }

    @Test
    void everyTextIsDescribedInWords() {
        assertTrue(PromptLabels.describesEveryKey());
        for (PromptKey key : PromptKey.values()) {
            assertTrue(!PromptLabels.of(key.path()).equals(key.path()), key.path());
        }
    }
}
