package hotline.catalog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start-up refuses broken prompt files, naming the file and the key of every problem. */
class PromptValidationTest {
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

    @Test
    void theSeedContentIsValid() {
        Catalog catalog = PromptDirectory.load(prompts);
        assertEquals(7, catalog.languages().size());
        assertEquals(13, catalog.lines().size());
        assertEquals("nhtrc", catalog.hotline().id());
    }

    private String problems() {
        CatalogException error = assertThrows(CatalogException.class, () -> PromptDirectory.load(prompts));
        return error.getMessage();
    }

    /** The number of the line of a prompt file that is exactly {@code text}. */
    private int lineOf(String file, String text) throws IOException {
        return Files.readAllLines(prompts.resolve(file)).indexOf(text) + 1;
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = prompts.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " should contain " + from);
        Files.writeString(path, text.replace(from, to));
    }

    private void assertProblem(String expected) {
        String problems = problems();
        assertTrue(problems.contains(expected), "expected \"" + expected + "\" in:\n" + problems);
    }

    @Test
    void aMissingPromptKey() throws IOException {
        edit("es-US.yaml", "  busy: Esa línea está ocupada.\n", "");
        assertProblem("es-US.yaml: transfer.busy: missing");
    }

    @Test
    void anUnknownPromptKey() throws IOException {
        edit("zh-CN.yaml", "  busy: 这条线路正忙。", "  busy: 这条线路正忙。\n  bussy: 这条线路正忙。");
        assertProblem("zh-CN.yaml: transfer.bussy: unknown key");
    }

    @Test
    void aPromptWithoutItsKeyPlaceholder() throws IOException {
        edit("en-US.yaml", "facts: For facts about human trafficking, press {key}.", "facts: For facts, press 1.");
        assertProblem("en-US.yaml: main_menu.facts: {key} is missing here: the caller would not hear which key to press");
    }

    @Test
    void aNumberSaidOnlyOnce() throws IOException {
        edit("en-US.yaml", "you can call {number}. Again, {number}.\"", "you can call {number}.\"");
        assertProblem("en-US.yaml: transfer.connecting: {number} is missing here: the caller would not hear the number twice, to write it down");
    }

    @Test
    void aReferenceToALineThatDoesNotExist() throws IOException {
        edit("en-US.yaml", "Again, {number:nhtrc}.", "Again, {number:nhtcr}.");
        assertProblem("en-US.yaml: topics.reporting[0]: {number:nhtcr} names no line in lines.yaml");
    }

    @Test
    void aPlaceholderATextCannotUse() throws IOException {
        edit("en-US.yaml", "goodbye: Thank you for calling.", "goodbye: Thank you {name} for calling.");
        assertProblem("en-US.yaml: transfer.goodbye: {name} is not a placeholder this text can use");
    }

    @Test
    void anEmptyTopic() throws IOException {
        edit("es-US.yaml", "  labor_trafficking:\n", "  labor_trafficking: []\n  unused_labor:\n");
        String problems = problems();
        assertTrue(problems.contains("es-US.yaml: topics.labor_trafficking: must be a list of short texts"), problems);
    }

    @Test
    void aPromptFileThatIsNotYaml() throws IOException {
        edit("zh-CN.yaml", "error:\n", "error: [\n");
        assertProblem("zh-CN.yaml: cannot be read: on line " + lineOf("zh-CN.yaml", "error: [") + " (error: [), a list that"
                + " opens with [ (or a {) is not closed with ] (or }). Fix it in a text editor");
    }

    @Test
    void aLanguageWithoutItsPromptFile() throws IOException {
        Files.delete(prompts.resolve("zh-CN.yaml"));
        assertProblem("zh-CN.yaml: missing; every language in languages.yaml needs its prompt file");
    }

    @Test
    void aPromptFileForALanguageNotInTheMenu() throws IOException {
        Files.copy(prompts.resolve("en-US.yaml"), prompts.resolve("fr-FR.yaml"));
        assertProblem("fr-FR.yaml: unknown language \"fr-FR\"; add it to languages.yaml or remove the file");
    }

    @Test
    void aLineNamedInALanguageNotInTheMenu() throws IOException {
        edit("lines.yaml", "      zh-CN: Journey Out\n", "      zh-CN: Journey Out\n      xx-XX: Journey Out\n");
        assertProblem("lines.yaml: lines[4] (journey_out).names.xx-XX: unknown language \"xx-XX\"");
    }

    @Test
    void aLineWithoutANameInOneLanguage() throws IOException {
        edit("lines.yaml", "      es-US: el Departamento de Policía de Los Ángeles\n", "");
        assertProblem("lines.yaml: lines[9] (lapd).names.es-US: missing; every line needs a name in every language");
    }

    @Test
    void aLanguageTwilioCannotSpeakOrAVoiceWithATypo() throws IOException {
        edit("languages.yaml", "twilio_language: cmn-CN", "twilio_language: zz-ZZ");
        edit("languages.yaml", "voice: Polly.Lupe-Neural", "voice: Polly.lupe-Neural");
        String problems = problems();
        assertTrue(problems.contains("languages.yaml: languages[2] (zh-CN).twilio_language: \"zz-ZZ\" is not a language Twilio can speak"), problems);
        assertTrue(problems.contains("languages.yaml: languages[1] (es-US).voice: \"Polly.lupe-Neural\" is not a Twilio voice"), problems);
    }

    @Test
    void twoLanguagesOnOneKey() throws IOException {
        edit("languages.yaml", "key: \"3\"", "key: \"2\"");
        assertProblem("languages.yaml: languages[2] (zh-CN).key: key 2 is taken by another language");
    }

    @Test
    void anotherLanguageOnALanguagesKeyOrToALineThatIsNotAlwaysOpen() throws IOException {
        edit("languages.yaml", "another_language:\n  key: \"9\"\n  line: nhtrc", "another_language:\n  key: \"2\"\n  line: lapd");
        assertProblem("languages.yaml: another_language.key: key 2 is taken by a language");
        assertProblem("languages.yaml: another_language.line: \"lapd\" must name an offered line open 24 hours, with interpreters");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "+1888373788, too short",
            "(888) 373-7888, not E.164",
            "+18883737888x1, letters",
            "+11234567890, no such area code"})
    void anInvalidPhoneNumber(String number, String why) throws IOException {
        edit("lines.yaml", "number: \"+18883737888\"", "number: \"" + number + "\"");
        assertProblem("lines.yaml: lines[0] (nhtrc).number: \"" + number + "\" is not a valid phone number; "
                + "write it in E.164 form, like +18883737888");
    }

    @Test
    void aFailoverCycle() throws IOException {
        edit("lines.yaml", "    failover: cast\n    names:\n      en-US: the District Attorney's Bureau",
                "    failover: da_htvap_central\n    names:\n      en-US: the District Attorney's Bureau");
        assertProblem("lines.yaml: lines[2] (da_htvap_central).failover: failover cycle: "
                + "da_htvap_central -> da_victim_services -> da_htvap_central; a chain must end at a line open 24 hours");
    }

    /** Two 24-hour lines that go on to each other when busy would pass a caller back and forth without end. */
    @Test
    void aFailoverLoopBetweenTwentyFourHourLines() throws IOException {
        edit("lines.yaml", "    number: \"+18883737888\"\n    open_24_hours: true\n",
                "    number: \"+18883737888\"\n    open_24_hours: true\n    failover: cast\n");
        assertProblem("lines.yaml: lines[0] (nhtrc).failover: failover cycle: nhtrc -> cast -> nhtrc");
    }

    @Test
    void aFailoverChainThatDoesNotEndAtATwentyFourHourLine() throws IOException {
        edit("lines.yaml", "    failover: cast\n    names:\n      en-US: Journey Out", "    names:\n      en-US: Journey Out");
        assertProblem("lines.yaml: lines[4] (journey_out).failover: missing; a line that is not open 24 hours needs a failover chain "
                + "that ends at a 24-hour line");
    }

    @Test
    void aFailoverToALineThatDoesNotExist() throws IOException {
        edit("lines.yaml", "    failover: cast\n    names:\n      en-US: Journey Out",
                "    failover: cats\n    names:\n      en-US: Journey Out");
        assertProblem("lines.yaml: lines[4] (journey_out).failover: \"cats\" is not the id of a line");
    }

    @Test
    void aMissingTimeZoneStopsStartUpInsteadOfBeingGuessed() throws IOException {
        edit("lines.yaml", "time_zone: America/Los_Angeles\n", "");
        assertProblem("lines.yaml: time_zone: missing; the hotline's days, hours and opening hours are counted in it");
    }

    @Test
    void theHotlineMustBeOpenAllDay() throws IOException {
        edit("lines.yaml", "hotline: nhtrc", "hotline: lapd");
        assertProblem("lines.yaml: hotline: \"lapd\" must name an offered line with open_24_hours: true");
    }

    @Test
    void hoursAndDatesThatDoNotParse() throws IOException {
        edit("lines.yaml", "    number: \"+15624456413\"\n    hours: [\"Mon-Fri 08:00-17:00\"]\n"
                        + "    closed_dates: [2026-12-25,",
                "    number: \"+15624456413\"\n    hours: [\"Mon-Fry 08:00-17:00\", \"Sat 18:00-09:00\"]\n"
                        + "    closed_dates: [2026-12-32,");
        String problems = problems();
        assertTrue(problems.contains("lines.yaml: lines[11] (la_probation).hours[0]: \"Fry\" in \"Mon-Fry 08:00-17:00\" is not a day"), problems);
        assertTrue(problems.contains("lines.yaml: lines[11] (la_probation).hours[1]: \"Sat 18:00-09:00\" closes before it opens"), problems);
        assertTrue(problems.contains("lines.yaml: lines[11] (la_probation).closed_dates[0]: \"2026-12-32\" is not a date"), problems);
    }

    @Test
    void anUnknownFieldInTheLinesFile() throws IOException {
        edit("lines.yaml", "dial_timeout_seconds: 25", "dial_timeout_second: 25");
        assertProblem("lines.yaml: dial_timeout_second: unknown field; the fields here are dial_timeout_seconds, hotline, lines, "
                + "speak_now, time_zone, whisper");
    }

    @Test
    void aDisabledLanguageIsNotOfferedAndItsProblemsAreOnlyWarnings() throws IOException {
        edit("languages.yaml", "    voice: Polly.Zhiyu-Neural\n", "    voice: Polly.Zhiyu-Neural\n    enabled: false\n");
        edit("zh-CN.yaml", "  busy: 这条线路正忙。\n", "");
        CatalogCheck check = CatalogValidator.check(PromptDirectory.read(prompts));
        assertTrue(check.ok(), check.errors().toString());
        assertTrue(check.warnings().stream().anyMatch(w -> w.toString().equals("zh-CN.yaml: transfer.busy: missing")),
                check.warnings().toString());
        assertEquals(List.of("en-US", "es-US", "yue-HK", "fil-PH", "ko-KR", "vi-VN"),
                check.catalog().orElseThrow().languages().stream().map(Language::code).toList());
    }

    @Test
    void aDisabledLineLeavesTheDirectoryAndNothingMayLeadToIt() throws IOException {
        edit("lines.yaml", "  - id: cast\n", "  - id: cast\n    enabled: false\n");
        assertProblem("lines.yaml: lines[4] (journey_out).failover: \"cast\" is disabled; a failover must lead to a line that is offered");
        edit("lines.yaml", "failover: cast", "failover: nhtrc");
        Catalog catalog = PromptDirectory.load(prompts);
        assertEquals(12, catalog.lines().size());
        assertTrue(catalog.line("cast").isEmpty());
    }

    @Test
    void renderedFilesParseBackToTheSameContent() {
        CatalogSource seed = PromptDirectory.read(prompts);
        CatalogSource again = PromptFiles.parse(PromptFiles.render(seed));
        assertEquals(seed.languages(), again.languages());
        assertEquals(seed.lines(), again.lines());
        assertEquals(seed.prompts(), again.prompts());
        assertEquals(PromptFiles.render(seed), PromptFiles.render(again));
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        edit("es-US.yaml", "  busy: Esa línea está ocupada.\n", "");
        edit("lines.yaml", "number: \"+18772755273\"", "number: \"+1877275527\"");
        String problems = problems();
        assertTrue(problems.startsWith("2 problem(s) in the prompt content:"), problems);
    }
}
