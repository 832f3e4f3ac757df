package hotline.catalog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What callers hear must be heard well: every publish (and the first start) refuses texts a voice reads badly or
 * TwiML cannot carry, naming the text and what to write instead.
 */
class WordingRulesTest {
    @TempDir
    Path prompts;

    @BeforeEach
    void copySeedPrompts() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("prompts"))) {
            for (Path file : files.toList()) {
                Files.copy(file, prompts.resolve(file.getFileName()));
            }
        }
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = prompts.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " should contain " + from);
        Files.writeString(path, text.replace(from, to));
    }

    private String problems() {
        return assertThrows(CatalogException.class, () -> PromptDirectory.load(prompts)).getMessage();
    }

    private void assertProblem(String expected) {
        String problems = problems();
        assertTrue(problems.contains(expected), "expected \"" + expected + "\" in:\n" + problems);
    }

    @Test
    void aWebAddressWrittenAsTextIsRefused() throws IOException {
        edit("en-US.yaml", "You can also visit d a dot l a county dot gov slash victims.", "You can also visit da.lacounty.gov/victims.");
        assertProblem("en-US.yaml: topics.services[1]: has a web address written as text (\"da.lacounty.gov/victims\")");
    }

    @Test
    void digitsJoinedByADashAreRefused() throws IOException {
        edit("lines.yaml", "room 1 2, 5 1 4, Los Angeles", "room 12-514, Los Angeles");
        assertProblem("lines.yaml: lines[2] (da_htvap_central).notes.en-US: joins digits with a dash (\"12-514\")");
    }

    @Test
    void aTextTooLongToTakeInIsRefused() throws IOException {
        String sentence = "Victims rarely come forward to ask for help, because of language barriers. ";
        edit("en-US.yaml", "  no_input: Sorry, we did not hear a choice.", "  no_input: " + sentence.repeat(8));
        assertProblem("en-US.yaml: input.no_input: takes about");
        assertProblem("keep each text under 25 seconds");
    }

    @Test
    void aPlaceholderTheTextDoesNotNeedTwiceIsRefused() throws IOException {
        edit("en-US.yaml", "facts: For facts about human trafficking, press {key}.", "facts: Press {key}. For facts, press {key}.");
        assertProblem("en-US.yaml: main_menu.facts: {key} appears more often than this text needs (1)");
    }

    @Test
    void aLineWithoutAKindIsRefusedNamingTheKinds() throws IOException {
        edit("lines.yaml", "  - id: lapd\n    kind: law_enforcement\n", "  - id: lapd\n");
        assertProblem("lines.yaml: lines[9] (lapd).kind: missing; callers hear it before every transfer, so say which it is: "
                + "hotline, victim_services, district_attorney, tip_line, law_enforcement, immigration_enforcement");
    }

    @Test
    void theWhisperMustNameTheLanguage() throws IOException {
        edit("lines.yaml", "The caller chose {language}.", "The caller chose a language.");
        assertProblem("lines.yaml: whisper.text: must be a sentence with {language}");
    }

    @Test
    void anotherLanguageIsAnnouncedOnlyInOfferedLanguages() throws IOException {
        edit("languages.yaml", "  announce_in: [", "  announce_in: [xx-XX, ");
        assertProblem("languages.yaml: another_language.announce_in[0]: \"xx-XX\" is not a language of languages.yaml");
    }

    @Test
    void aControlCharacterTypedIntoAFileIsCleanedBeforeAnythingReadsIt() throws IOException {
        // Word's Shift+Enter is a vertical tab: YAML would refuse it and TwiML cannot carry it.
        edit("en-US.yaml", "  busy: That line is busy.", "  busy: That line\u000B is busy.");
        assertEquals("That line  is busy.", PromptDirectory.load(prompts).prompts().get("en-US").text(PromptKey.TRANSFER_BUSY));
    }

    @Test
    void aControlCharacterThatReachesTheValidatorIsRefused() {
        CatalogSource seed = PromptDirectory.read(prompts);
        var texts = new java.util.LinkedHashMap<>(seed.prompts().get("en-US"));
        texts.put("transfer.busy", "That line\u000B is busy.");
        var prompts = new java.util.LinkedHashMap<>(seed.prompts());
        prompts.put("en-US", texts);
        CatalogCheck check = CatalogValidator.check(seed.withPrompts(prompts));
        assertFalse(check.ok());
        assertTrue(check.errors().toString().contains("transfer.busy: contains a line break from a word processor (U+000B)"),
                check.errors().toString());
    }

    @Test
    void contentCallersAlreadyHeardIsStillServedWhenOnlyARuleOfWordingIsBroken() throws IOException {
        edit("en-US.yaml", "You can also visit d a dot l a county dot gov slash victims.", "You can also visit da.lacounty.gov/victims.");
        CatalogSource published = PromptDirectory.read(prompts);
        assertFalse(CatalogValidator.check(published).ok(), "a publish refuses it");
        CatalogCheck atStartUp = CatalogValidator.checkPublished(published);
        assertTrue(atStartUp.ok(), "start-up serves it");
        assertTrue(atStartUp.warnings().stream().anyMatch(p -> p.wording() && p.key().equals("topics.services[1]")));
        assertTrue(atStartUp.catalog().isPresent());
    }

    @Test
    void aBrokenLineIsNotServedEvenAtStartUp() throws IOException {
        edit("lines.yaml", "number: \"+18772755273\"", "number: \"+1877\"");
        assertFalse(CatalogValidator.checkPublished(PromptDirectory.read(prompts)).ok());
    }
}
