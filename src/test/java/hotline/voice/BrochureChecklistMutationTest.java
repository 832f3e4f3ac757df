package hotline.voice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import hotline.TestHotline;
import hotline.Twiml;
import hotline.catalog.Catalog;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogValidator;
import hotline.catalog.PromptDirectory;
import hotline.voice.CallStep.MenuStep;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The brochure checklist catches wrong meaning that keeps the figures: a swapped 80/20 in English, or "80% women"
 * where the brochure says women and girls in Spanish. Each mutation is heard as a caller would hear it, through the
 * call flow, and the checklist must miss a phrase.
 */
class BrochureChecklistMutationTest {
    private static final CatalogSource SEED = PromptDirectory.read(TestHotline.SEED_PROMPTS);
    private final CallFlow flow = new CallFlow(new StepUrls(URI.create(TestHotline.PUBLIC_URL)));

    @Test
    void theSeedContentMissesNothing() throws IOException {
        assertEquals(List.of(), missing(CatalogValidator.validate(SEED), "en-US", "1 share of sexual and labor exploitation"));
        assertEquals(List.of(), missing(CatalogValidator.validate(SEED), "es-US", "2 people trafficked across borders each year"));
    }

    @Test
    void englishWithItsTwoFiguresSwappedIsCaught() throws IOException {
        Catalog swapped = withFacts("en-US", 1,
                "An estimated 20% of human trafficking involves sexual exploitation, and 80% involves labor exploitation.");
        assertFalse(missing(swapped, "en-US", "1 share of sexual and labor exploitation").isEmpty());
    }

    @Test
    void spanishSayingWomenWhereTheBrochureSaysWomenAndGirlsIsCaught() throws IOException {
        @SuppressWarnings("unchecked")
        String segment = ((List<String>) SEED.prompts().get("es-US").get("topics.facts")).get(2);
        assertTrue(segment.contains("mujeres y niñas"), segment);
        Catalog wrong = withFacts("es-US", 2, segment.replace("mujeres y niñas", "mujeres"));
        assertTrue(missing(wrong, "es-US", "2 people trafficked across borders each year").contains("El 80% son mujeres y niñas"));
    }

    /** The checklist's words for one item that a caller choosing the facts topic would not hear. */
    @SuppressWarnings("unchecked")
    private List<String> missing(Catalog catalog, String language, String item) throws IOException {
        Map<String, Map<String, Map<String, List<String>>>> checklist;
        try (InputStream in = getClass().getResourceAsStream("/brochure-checklist.yaml")) {
            checklist = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
        }
        String heard = Twiml.of(flow.respond(catalog, MenuStep.of(language, Menu.MAIN), CallInput.pressed("1"), Instant.EPOCH)
                .twiml().toXml()).spoken();
        List<String> missing = new ArrayList<>();
        for (String words : checklist.get("facts").get(item).get(language)) {
            if (!heard.contains(words)) {
                missing.add(words);
            }
        }
        return missing;
    }

    /** The seed catalog with one segment of a language's facts replaced; built without the validator's figure check. */
    @SuppressWarnings("unchecked")
    private static Catalog withFacts(String language, int index, String text) {
        Map<String, Object> texts = new LinkedHashMap<>(SEED.prompts().get(language));
        List<Object> facts = new ArrayList<>((List<Object>) texts.get("topics.facts"));
        facts.set(index, text);
        texts.put("topics.facts", facts);
        Map<String, Map<String, Object>> prompts = new LinkedHashMap<>(SEED.prompts());
        prompts.put(language, texts);
        return CatalogValidator.checkPublished(SEED.withPrompts(prompts)).catalog().orElseThrow();
    }
}
