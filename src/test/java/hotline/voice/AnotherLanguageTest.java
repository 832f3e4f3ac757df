package hotline.voice;

import hotline.TestHotline;
import hotline.Twiml;
import hotline.catalog.Catalog;
import hotline.catalog.PromptDirectory;
import hotline.catalog.PromptKey;
import hotline.metrics.CallEvent;
import hotline.simulator.CallRecord;
import hotline.voice.CallStep.LanguageMenu;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A caller whose language is not offered presses 9 and reaches the 24-hour line with interpreters. */
class AnotherLanguageTest {
    private static final TestHotline hotline = TestHotline.shared();

    @Test
    void nineGivesAShortNoticeInEveryLanguageThenDialsTheLineWithInterpreters() {
        CallRecord call = hotline.validCall("9 answered");
        assertEquals(List.of("+18883737888"), call.dialed());
        Twiml transfer = Twiml.of(call.exchanges().get(1).body());
        Catalog seed = PromptDirectory.load(TestHotline.SEED_PROMPTS);
        assertEquals(seed.languages().stream().map(l -> seed.prompts(l).text(PromptKey.LANGUAGE_INTERPRETER)).toList(),
                transfer.strings("/Response/Say"));
        assertEquals("Please stay on the line. We are connecting you to a 24-hour hotline with interpreters.",
                transfer.strings("/Response/Say").get(0));
        assertEquals(List.of("en-US", "es-US", "cmn-CN", "yue-HK", "fil-PH", "ko-KR", "vi-VN"),
                transfer.strings("/Response/Say/@language"), "each notice in its own language and voice");
        assertTrue(transfer.elements("//Gather").isEmpty(), "no menu: straight through");
        assertEquals("+18883737888", transfer.string("//Dial/Number"));
    }

    @Test
    void ifTheLineWithInterpretersIsBusyTheCallerHearsItsNumberInTheDefaultLanguage() {
        CallRecord call = hotline.validCall("9 busy");
        String after = Twiml.of(call.exchanges().get(2).body()).spoken();
        assertTrue(after.contains("8 8 8, 3 7 3, 7 8 8 8"), after);
    }

    @Test
    void theChoiceIsCountedAsAnotherLanguageWithoutKnowingWhichOne() {
        Catalog seed = PromptDirectory.load(TestHotline.SEED_PROMPTS);
        CallFlow flow = new CallFlow(new StepUrls(URI.create("https://hotline.test")));
        List<CallEvent> events = flow.respond(seed, new LanguageMenu(0), CallInput.pressed("9"), Instant.EPOCH).events();
        assertEquals(CallEvent.languageChosen(CallEvent.OTHER_LANGUAGE, "key"), events.get(0));
        assertEquals(CallEvent.LANGUAGE_MENU, events.get(1).menu(), "a transfer straight from the language menu");
    }
}
