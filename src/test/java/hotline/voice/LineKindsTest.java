package hotline.voice;

import hotline.TestHotline;
import hotline.Twiml;
import hotline.catalog.Catalog;
import hotline.catalog.Language;
import hotline.catalog.LineKind;
import hotline.catalog.PromptDirectory;
import hotline.catalog.PromptKey;
import hotline.catalog.ResourceLine;
import hotline.voice.CallStep.MenuStep;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A caller who fears the police or immigration enforcement chooses with open eyes: the directory warns before the
 * lines that are law enforcement, and every transfer first says who will answer, in the caller's language.
 */
class LineKindsTest {
    private static final Catalog SEED = PromptDirectory.load(TestHotline.SEED_PROMPTS);
    private static final Instant OFFICE_HOURS = TestHotline.OFFICE_HOURS.atZone(ZoneId.of("America/Los_Angeles")).toInstant();
    private final CallFlow flow = new CallFlow(new StepUrls(URI.create(TestHotline.PUBLIC_URL)));

    @Test
    void everyLineHasAKindAndEveryLawEnforcementLineIsOnTheSecondPage() {
        for (int i = 0; i < SEED.lines().size(); i++) {
            ResourceLine line = SEED.lines().get(i);
            assertEquals(i >= Menus.LINES_PER_PAGE, line.kind().reachesLawEnforcement(),
                    line.id() + ": help first, then the lines that are, or report to, law enforcement");
        }
        assertEquals(LineKind.IMMIGRATION_ENFORCEMENT, SEED.line("ice_hsi").orElseThrow().kind());
        assertEquals(LineKind.LAW_ENFORCEMENT, SEED.line("lapd").orElseThrow().kind());
        assertEquals(LineKind.HOTLINE, SEED.line("nhtrc").orElseThrow().kind());
    }

    @Test
    void theDirectoryWarnsOnceBeforeTheLawEnforcementLinesAndNotBeforeTheOthers() {
        for (Language language : SEED.languages()) {
            String warning = SEED.prompts(language).text(PromptKey.LINES_LAW_ENFORCEMENT);
            List<String> firstPage = said(MenuStep.of(language.code(), Menu.MAIN), "5", language);
            assertFalse(firstPage.contains(warning), language.code() + " page 1 has no law enforcement line");
            List<String> secondPage = said(MenuStep.of(language.code(), Menu.LINES), "8", language);
            assertEquals(1, secondPage.stream().filter(warning::equals).count(), language.code());
            int firstOption = secondPage.indexOf(warning) + 1;
            assertTrue(secondPage.get(firstOption).contains(SEED.lines().get(Menus.LINES_PER_PAGE).name(language.code())),
                    language.code() + ": the warning comes right before the first such line: " + secondPage);
        }
    }

    @Test
    void everyTransferFirstSaysWhoWillAnswerInTheCallersLanguage() {
        for (Language language : SEED.languages()) {
            for (int i = 0; i < SEED.lines().size(); i++) {
                ResourceLine line = SEED.lines().get(i);
                int page = i / Menus.LINES_PER_PAGE;
                MenuStep directory = MenuStep.of(language.code(), Menu.LINES).onPage(page);
                String key = Integer.toString(i % Menus.LINES_PER_PAGE + 1);
                Twiml transfer = Twiml.of(flow.respond(SEED, directory, CallInput.pressed(key), OFFICE_HOURS).twiml().toXml());
                List<String> said = transfer.strings("/Response/Say");
                assertEquals(SEED.prompts(language).text(line.kind().notice()), said.get(0), language.code() + " " + line.id());
                assertEquals(line.number().e164(), transfer.string("//Dial/Number"));
            }
        }
    }

    @Test
    void theNationalHotlinesOwnPromiseIsQuotedForItAndOnlyForIt() {
        Language english = SEED.language("en-US").orElseThrow();
        String toHotline = String.join("\n", said(MenuStep.of("en-US", Menu.LINES), "1", english));
        assertTrue(toHotline.contains("It is not law enforcement or immigration."), toHotline);
        assertTrue(toHotline.contains("confidential"), toHotline);
        for (ResourceLine line : SEED.lines()) {
            if (!line.id().equals("nhtrc")) {
                assertTrue(line.note("en-US").map(note -> !note.contains("confidential")).orElse(true), line.id());
            }
        }
        assertFalse(SEED.prompts(english).text(PromptKey.MAIN_SAFETY).contains("confidential"),
                "this line does not promise what it cannot keep");
    }

    private List<String> said(MenuStep step, String key, Language language) {
        Twiml answer = Twiml.of(flow.respond(SEED, step, CallInput.pressed(key), OFFICE_HOURS).twiml().toXml());
        return answer.strings("//Say");
    }
}
