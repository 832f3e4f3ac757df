package hotline.voice;

import hotline.TestHotline;
import hotline.Twiml;
import hotline.catalog.Catalog;
import hotline.catalog.Language;
import hotline.catalog.PromptDirectory;
import hotline.catalog.PromptKey;
import hotline.metrics.CallEvent;
import hotline.simulator.CallRecord;
import hotline.voice.CallStep.LanguageMenu;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The language menu speaks to each caller in their own language before asking anything: every language's welcome
 * and key in its own voice; "another language" in more than English; and a caller who chooses nothing has probably
 * not heard their language, so they reach the 24-hour line with interpreters, not the English menu.
 */
class LanguageMenuTest {
    private static final TestHotline hotline = TestHotline.shared();
    private static final Catalog SEED = PromptDirectory.load(TestHotline.SEED_PROMPTS);
    private final CallFlow flow = new CallFlow(new StepUrls(URI.create(TestHotline.PUBLIC_URL)));

    @Test
    void everyLanguagesWelcomeAndKeyAreSaidInItsOwnVoice() {
        Twiml menu = Twiml.of(hotline.validCall("").exchanges().get(0).body());
        List<String> expectedTexts = new ArrayList<>();
        List<String> expectedVoices = new ArrayList<>();
        for (Language language : SEED.languages()) {
            expectedTexts.add(SEED.prompts(language).text(PromptKey.LANGUAGE_WELCOME));
            expectedTexts.add(SEED.prompts(language).text(PromptKey.LANGUAGE_OPTION).replace("{key}", language.key()));
            expectedVoices.add(language.voice().orElseThrow());
            expectedVoices.add(language.voice().orElseThrow());
        }
        List<String> said = menu.strings("//Gather/Say");
        List<String> voices = menu.strings("//Gather/Say/@voice");
        assertEquals(expectedTexts, said.subList(0, expectedTexts.size()));
        assertEquals(expectedVoices, voices.subList(0, expectedVoices.size()));
    }

    @Test
    void anotherLanguageIsOfferedInEachLanguageChosenForIt() {
        Catalog.AnotherLanguage another = SEED.anotherLanguage().orElseThrow();
        assertTrue(another.announceIn().size() >= 2, "in more than English: " + another.announceIn());
        Twiml menu = Twiml.of(flow.incoming(SEED).twiml().toXml());
        List<String> said = menu.strings("//Gather/Say");
        List<String> tail = said.subList(said.size() - another.announceIn().size(), said.size());
        List<String> expected = another.announceIn().stream().map(code -> SEED.prompts(SEED.language(code).orElseThrow())
                .text(PromptKey.LANGUAGE_ANOTHER).replace("{key}", another.key())).toList();
        assertEquals(expected, tail);
        List<String> voices = menu.strings("//Gather/Say/@voice");
        assertEquals(another.announceIn().stream().map(code -> SEED.language(code).orElseThrow().voice().orElseThrow()).toList(),
                voices.subList(voices.size() - another.announceIn().size(), voices.size()));
    }

    @Test
    void theLanguageMenuTakesKeysOnlyAndSaysNothingAboutSpeaking() {
        Twiml menu = Twiml.of(flow.incoming(SEED).twiml().toXml());
        assertEquals("dtmf", menu.string("//Gather/@input"), "one <Gather> hears one language, so no language's own name could be heard");
        assertFalse(menu.spoken().toLowerCase().contains("say "), menu.spoken());
    }

    @Test
    void aCallerWhoPressesNothingReachesTheLineWithInterpretersAfterHearingTheMenuTwice() {
        CallRecord call = hotline.validCall("- - answered");
        assertEquals(List.of(SEED.line(SEED.anotherLanguage().orElseThrow().lineId()).orElseThrow().number().e164()), call.dialed());
        Twiml transfer = Twiml.answer(call, 2);
        assertEquals(SEED.languages().stream().map(l -> SEED.prompts(l).text(PromptKey.LANGUAGE_INTERPRETER)).toList(),
                transfer.strings("/Response/Say"), "a notice in every language, then straight through");
        assertTrue(transfer.elements("//Gather").isEmpty());
    }

    @Test
    void aCallerWhoPressesOnlyWrongKeysIsTreatedTheSame() {
        CallRecord call = hotline.validCall("8 8 answered");
        assertEquals(1, call.dialed().size());
        assertEquals("+18883737888", call.dialed().get(0));
    }

    @Test
    void choosingNothingIsCountedAsAnotherLanguageChosenByNoKey() {
        List<CallEvent> events = flow.respond(SEED, new LanguageMenu(1), CallInput.pressed(""), Instant.EPOCH).events();
        assertEquals(CallEvent.noInput("", CallEvent.LANGUAGE_MENU), events.get(0));
        assertEquals(CallEvent.languageChosen(CallEvent.OTHER_LANGUAGE, "none"), events.get(1));
        assertEquals(CallEvent.LANGUAGE_MENU, events.get(2).menu(), "then a transfer, straight from the language menu");
    }

    @Test
    void speakingWithSomeoneIsOfferedRightAfterTheSafetySentence() {
        for (Language language : SEED.languages()) {
            Twiml main = Twiml.of(flow.respond(SEED, new LanguageMenu(0), CallInput.pressed(language.key()), Instant.EPOCH)
                    .twiml().toXml());
            List<String> said = main.strings("//Gather/Say");
            assertEquals(SEED.prompts(language).text(PromptKey.MAIN_SAFETY), said.get(0), language.code());
            assertEquals(SEED.prompts(language).text(PromptKey.MAIN_SPEAK_NOW).replace("{key}", "0"), said.get(1), language.code());
        }
    }
}
