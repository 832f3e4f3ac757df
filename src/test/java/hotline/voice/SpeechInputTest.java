package hotline.voice;

import hotline.TestHotline;
import hotline.Twiml;
import hotline.simulator.CallRecord;
import hotline.simulator.SimulationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Callers who cannot look at a keypad say their choice in the main menu: an option's words, heard in their own
 * language. Keys keep working as before (every other call-walk test presses them at these same menus).
 */
class SpeechInputTest {
    private static final TestHotline hotline = TestHotline.shared();

    @Test
    void theLanguageMenuTakesKeysOnlySoASpokenNameIsNeverAskedFor() {
        Twiml menu = Twiml.answer(hotline.validCall(""), 0);
        assertEquals("dtmf", menu.string("//Gather/@input"), "one <Gather> hears one language: 普通话 could not be heard in English");
        SimulationException refused = assertThrows(SimulationException.class, () -> hotline.call("\"Español\""));
        assertTrue(refused.getMessage().contains("only listens for keys"), refused.getMessage());
    }

    @Test
    void theMainMenuListensInTheCallersLanguageForTheWordsOfEachOption() {
        Twiml main = Twiml.answer(hotline.validCall("6"), 1);
        assertEquals("dtmf speech", main.string("//Gather/@input"));
        assertEquals("ko-KR", main.string("//Gather/@language"));
        assertTrue(main.string("//Gather/@hints").contains("상담원"), main.string("//Gather/@hints"));
    }

    @ParameterizedTest(name = "{0} \"{1}\"")
    @CsvSource({
            "1, I want to speak with someone, +12132572076",
            "2, quiero hablar con una persona, +12132572076",
            "3, 我想找工作人员, +12132572076",
            "6, 상담원과 통화하고 싶어요, +12132572076"})
    void askingForAPersonInTheMainMenuTransfersAsZeroDoes(String languageKey, String said, String dialed) {
        assertEquals(List.of(dialed), hotline.validCall(languageKey + " \"" + said + "\" answered").dialed());
    }

    @ParameterizedTest(name = "{0} \"{1}\"")
    @CsvSource({
            "1, facts please, Facts about human trafficking.",
            "1, how do I report it, If you have information",
            "2, servicios, El Programa de Asistencia",
            "7, số điện thoại, Đây là các đường dây"})
    void namingAnOptionInTheMainMenuOpensIt(String languageKey, String said, String heardFirst) {
        Twiml answer = Twiml.answer(hotline.validCall(languageKey + " \"" + said + "\""), 2);
        assertTrue(answer.spoken().startsWith(heardFirst), answer.spoken());
    }

    @Test
    void wordsThatNameNoOptionAreAWrongChoice() {
        Twiml answer = Twiml.answer(hotline.validCall("1 \"banana\""), 2);
        assertTrue(answer.spoken().startsWith("Sorry, that is not one of the choices."), answer.spoken());
        assertTrue(answer.string("//Gather/@action").endsWith("tries=1"));
    }

    @Test
    void menusThatOfferKeysOnlyDoNotListenForWords() {
        CallRecord call = hotline.validCall("1 5");
        assertEquals("dtmf", Twiml.answer(call, 2).string("//Gather/@input"), "the directory has too many names to say");
        SimulationException refused = assertThrows(SimulationException.class, () -> hotline.call("1 5 \"the police\""));
        assertTrue(refused.getMessage().contains("only listens for keys"), refused.getMessage());
    }

    @ParameterizedTest(name = "\"{1}\" in \"{0}\": {2}")
    @CsvSource({
            "'Español, por favor.', espanol, true",
            "Someone please, one, false",
            "I want the lines, lines, true",
            "I want the outlines, lines, false",
            "상담원과 통화하고 싶어요, 상담원, true",
            "我想找工作人员, 工作人员, true",
            "Tôi muốn số điện thoại, so đien thoai, true",
            "Tôi muốn số điện thoại, thoai tôi, false"})
    void wordsAreHeardWholeWhereTheScriptSpacesThemAndAnywhereElse(String said, String phrase, boolean heard) {
        assertEquals(heard, Listening.heard(said, phrase));
    }
}
