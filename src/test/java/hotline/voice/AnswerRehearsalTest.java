package hotline.voice;

import hotline.TestHotline;
import hotline.catalog.Catalog;
import hotline.catalog.Language;
import hotline.catalog.PromptDirectory;
import hotline.catalog.PromptKey;
import hotline.catalog.Prompts;
import hotline.catalog.Template;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Before content goes live, every answer it can give is built and read as Twilio reads it. */
class AnswerRehearsalTest {
    private static final Catalog SEED = PromptDirectory.load(TestHotline.SEED_PROMPTS);
    private static final Instant OFFICE_HOURS = TestHotline.OFFICE_HOURS.atZone(ZoneId.of("America/Los_Angeles")).toInstant();
    private static final Instant SUNDAY_NIGHT = OFFICE_HOURS.plusSeconds(4 * 86_400 + 12 * 3600);
    private final AnswerRehearsal rehearsal = new AnswerRehearsal(new StepUrls(URI.create(TestHotline.PUBLIC_URL)));

    @Test
    void everyAnswerOfTheSeedContentCanBeFollowed() {
        AnswerRehearsal.Result result = rehearsal.rehearse(SEED, List.of(OFFICE_HOURS, SUNDAY_NIGHT));
        assertTrue(result.ok(), result.problems().toString());
        // Every menu with 13 inputs, every transfer with 4 endings, in every language, at two times: thousands.
        int transfers = SEED.languages().size() * SEED.lines().size() * 4;
        assertTrue(result.answers() > transfers, "answers read: " + result.answers());
    }

    @Test
    void anAnswerThatCannotBeBuiltIsFoundAndNamedByLanguageAndStep() {
        Language spanish = SEED.language("es-US").orElseThrow();
        Map<PromptKey, List<Template>> texts = new EnumMap<>(SEED.prompts(spanish).templates());
        texts.remove(PromptKey.TRANSFER_BUSY); // content the validator would refuse, as if a check had a gap
        Map<String, Prompts> prompts = new LinkedHashMap<>(SEED.prompts());
        prompts.put("es-US", new Prompts("es-US", texts));
        AnswerRehearsal.Result result = rehearsal.rehearse(SEED.withPrompts(prompts), List.of(OFFICE_HOURS));
        assertFalse(result.ok());
        assertTrue(result.problems().stream().anyMatch(p -> p.startsWith("Spanish, a transfer to nhtrc, the transfer ended busy")),
                result.problems().toString());
        assertTrue(result.problems().stream().noneMatch(p -> p.startsWith("English")), "only Spanish is broken");
    }

    @Test
    void theRehearsalReachesEveryLineInEveryLanguage() {
        AnswerRehearsal.Result result = rehearsal.rehearse(SEED, List.of(OFFICE_HOURS));
        assertEquals(List.of(), result.problems());
        assertTrue(result.answers() >= SEED.languages().size() * SEED.lines().size());
    }
}
