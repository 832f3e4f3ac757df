package hotline.voice;

import hotline.TestHotline;
import hotline.Twiml;
import hotline.catalog.Catalog;
import hotline.catalog.PromptDirectory;
import hotline.voice.CallStep.LanguageMenu;
import hotline.voice.CallStep.MenuStep;
import hotline.voice.CallStep.TransferResult;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The call flow as a pure function, without HTTP: edge cases of input and of step URLs from older content. */
class CallFlowTest {
    private static final Catalog SEED = PromptDirectory.load(TestHotline.SEED_PROMPTS);
    private static final Instant WEDNESDAY = TestHotline.OFFICE_HOURS.atZone(ZoneId.of("America/Los_Angeles")).toInstant();
    private final CallFlow flow = new CallFlow(new StepUrls(URI.create("https://hotline.test")));

    private Twiml respond(CallStep step, CallInput input) {
        return Twiml.of(flow.respond(SEED, step, input, WEDNESDAY).twiml().toXml());
    }

    private static MenuStep step(String language, Menu menu, int page, String line, int tries) {
        return new MenuStep(language, menu, page, Optional.empty(), Optional.ofNullable(line), tries);
    }

    @Test
    void moreThanOneDigitOrAStrangeKeyIsInvalidInput() {
        for (String digits : new String[]{"12", "A", "99", "1#"}) {
            Twiml answer = respond(MenuStep.of("en-US", Menu.MAIN), CallInput.pressed(digits));
            assertTrue(answer.spoken().startsWith("Sorry, that is not one of the choices."), digits);
        }
    }

    @Test
    void aLanguageKeyIsTakenWithSurroundingSpaces() {
        assertTrue(respond(new LanguageMenu(0), CallInput.pressed(" 2 ")).spoken().startsWith("Si está en peligro"));
    }

    @Test
    void anInvalidKeyAtTheLanguageMenuRepeatsIt() {
        Twiml answer = respond(new LanguageMenu(0), CallInput.pressed("8"));
        assertTrue(answer.string("//Gather/@action").endsWith("/voice/language?tries=1"));
    }

    @Test
    void anUnknownLanguageInTheUrlFallsBackToTheDefault() {
        Twiml answer = respond(MenuStep.of("xx-XX", Menu.MAIN), CallInput.pressed("*"));
        assertEquals("en-US", answer.strings("//Say/@language").get(0));
        assertTrue(answer.string("//Gather/@action").contains("lang=en-US"));
    }

    @Test
    void aPageBeyondTheDirectoryShowsItsLastPage() {
        Twiml answer = respond(step("en-US", Menu.LINES, 9, null, 0), CallInput.pressed("*"));
        assertTrue(answer.spoken().startsWith("The next lines are law enforcement agencies, or pass tips to law enforcement.\n"
                + "For Crime Stoppers, L.A. Regional, press 1."), answer.spoken());
        assertTrue(answer.string("//Gather/@action").contains("page=1"));
    }

    @Test
    void aClosedLineThatNoLongerExistsLeadsToTheDirectory() {
        Twiml answer = respond(step("en-US", Menu.CLOSED, 0, "removed_line", 0), CallInput.pressed("*"));
        assertTrue(answer.spoken().startsWith("Here are the lines you can call."), answer.spoken());
    }

    @Test
    void aTransferOutcomeForALineThatNoLongerExistsFailsOverFromTheHotline() {
        Twiml answer = respond(new TransferResult("en-US", "removed_line"), CallInput.dialed("busy", 0));
        assertTrue(answer.spoken().startsWith("That line is busy.\nWe could not connect your call."), answer.spoken());
    }

    @Test
    void aTransferOutcomeWithoutAStatusIsTreatedAsFailed() {
        Twiml answer = respond(new TransferResult("en-US", "lapd"), CallInput.none());
        assertTrue(answer.spoken().startsWith("The call could not be connected.\nYou will be connected to a hotline."), answer.spoken());
        assertTrue(answer.spoken().contains("Connecting you to the National Human Trafficking Hotline"), answer.spoken());
        assertEquals("+18883737888", answer.string("//Dial/Number"));
    }

    @Test
    void withoutTheHotlinesOwnNumberTheTransferSetsNoCallerId() {
        Twiml answer = respond(new TransferResult("en-US", "lapd"), CallInput.dialed("busy", 0));
        assertTrue(answer.elements("//Dial[@callerId]").isEmpty());
    }

    @Test
    void triesInTheUrlCannotPushPastTheLimit() {
        Twiml answer = respond(step("en-US", Menu.MAIN, 0, null, 999), CallInput.pressed(""));
        assertTrue(answer.spoken().startsWith("Let me connect you with someone who can help."), answer.spoken());
    }
}
