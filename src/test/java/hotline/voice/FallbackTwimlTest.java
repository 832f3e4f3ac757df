package hotline.voice;

import hotline.TestHotline;
import hotline.Twiml;
import hotline.TwimlAssertions;
import hotline.catalog.Catalog;
import hotline.catalog.Language;
import hotline.catalog.PromptDirectory;
import hotline.catalog.PromptKey;
import hotline.catalog.Prompts;
import hotline.catalog.RecordingSlots;
import hotline.catalog.Template;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fallback pasted into a TwiML Bin: heard when this server cannot answer, so it must be TwiML Twilio follows,
 * say its notice in every offered language in that language's voice, dial the 24-hour hotline with our own number as
 * caller ID, and depend on nothing of ours. Languages come from the content, whichever are offered.
 */
class FallbackTwimlTest {
    private static final Catalog SEED = PromptDirectory.load(TestHotline.SEED_PROMPTS);

    /** The words of a text as a voice says them, where the text has no placeholder (else null: not compared). */
    private static String plain(Catalog catalog, Language language, PromptKey key) {
        String text = catalog.prompts(language).text(key);
        return text.contains("{") ? null : text.strip();
    }

    @Test
    void itIsTwimlTwilioFollowsWithNothingThatCallsBackToThisServer() {
        FallbackTwiml fallback = FallbackTwiml.of(SEED);
        Twiml twiml = Twiml.of(fallback.forCall(Optional.of(TestHotline.HOTLINE_NUMBER)));
        TwimlAssertions.assertValid(twiml, "fallback");
        assertFalse(fallback.template().contains("://"), "no URL at all, so none of ours: " + fallback.template());
        assertTrue(twiml.elements("//Gather | //Redirect | //Play | //Dial[@action] | //Number[@url]").isEmpty(),
                fallback.template());
        assertEquals(List.of("Say", "Dial", "Say", "Hangup"), verbsInOrder(twiml), "notices, the transfer, its number again");
    }

    /** Consecutive verbs of the same kind counted once: the shape of the document. */
    private static List<String> verbsInOrder(Twiml twiml) {
        List<String> shape = new ArrayList<>();
        for (Element verb : twiml.elements("/Response/*")) {
            if (shape.isEmpty() || !shape.get(shape.size() - 1).equals(verb.getTagName())) {
                shape.add(verb.getTagName());
            }
        }
        return shape;
    }

    @Test
    void everyOfferedLanguageApologizesThenSaysItConnectsToTheHotlineInItsOwnVoice() {
        Twiml twiml = Twiml.of(FallbackTwiml.of(SEED).template());
        List<Element> says = twiml.elements("/Response/Dial/preceding-sibling::Say");
        List<Language> voiced = SEED.languages().stream().filter(Language::hasVoice).toList();
        assertFalse(voiced.isEmpty());
        assertEquals(2 * voiced.size(), says.size(), "the apology and the notice, in each language");
        for (int i = 0; i < voiced.size(); i++) {
            Language language = voiced.get(i);
            Element apology = says.get(2 * i);
            Element notice = says.get(2 * i + 1);
            for (Element say : List.of(apology, notice)) {
                assertEquals(language.twilioLanguage().orElseThrow(), say.getAttribute("language"), language.code());
                assertEquals(language.voice().orElseThrow(), say.getAttribute("voice"), language.code());
            }
            Optional.ofNullable(plain(SEED, language, PromptKey.ERROR_APOLOGY))
                    .ifPresent(text -> assertEquals(text, apology.getTextContent(), language.code()));
            Optional.ofNullable(plain(SEED, language, PromptKey.LANGUAGE_INTERPRETER))
                    .ifPresent(text -> assertEquals(text, notice.getTextContent(), language.code()));
        }
        List<Element> after = twiml.elements("/Response/Dial/following-sibling::Say");
        assertEquals(voiced.size(), after.size(), "the hotline's number to call, in each language");
        String digits = SEED.hotline().number().spokenDigits();
        for (int i = 0; i < voiced.size(); i++) {
            assertEquals(voiced.get(i).voice().orElseThrow(), after.get(i).getAttribute("voice"));
            assertTrue(after.get(i).getTextContent().contains(digits), after.get(i).getTextContent());
        }
    }

    @Test
    void itDialsTheTwentyFourHourHotlineWithTheNumberCalledAsCallerId() {
        FallbackTwiml fallback = FallbackTwiml.of(SEED);
        Twiml template = Twiml.of(fallback.template());
        assertEquals(SEED.hotline().number().e164(), template.string("//Dial/Number"));
        assertEquals("{{To}}", template.string("//Dial/@callerId"), "a TwiML Bin fills in the number called: ours");
        assertEquals(Integer.toString(SEED.dialTimeoutSeconds()), template.string("//Dial/@timeout"));
        assertEquals(1, fallback.template().split("\\{\\{", -1).length - 1, "the caller ID is the only template in it");

        Twiml answered = Twiml.of(fallback.forCall(Optional.of(TestHotline.HOTLINE_NUMBER)));
        assertEquals(TestHotline.HOTLINE_NUMBER, answered.string("//Dial/@callerId"));
        Twiml unknown = Twiml.of(fallback.forCall(Optional.of("anonymous")));
        assertTrue(unknown.elements("//Dial[@callerId]").isEmpty(), "no caller ID rather than anything but our number");
        assertTrue(Twiml.of(fallback.forCall(Optional.empty())).elements("//Dial[@callerId]").isEmpty());
    }

    @Test
    void aLanguageHeardFromRecordingsOnlyIsLeftOutAndTheDocumentSaysSo() {
        Language armenian = new Language("hy-AM", "8", Optional.empty(), Optional.empty(), Optional.empty(), "Armenian");
        List<Language> languages = new ArrayList<>(SEED.languages());
        languages.add(armenian);
        Map<String, Prompts> prompts = new HashMap<>(SEED.prompts());
        prompts.put("hy-AM", new Prompts("hy-AM", SEED.prompts().get(SEED.defaultLanguage()).templates()));
        Catalog withArmenian = new Catalog("v9", languages, SEED.defaultLanguage(), prompts, SEED.lines(), SEED.timeZone(),
                SEED.hotlineLineId(), SEED.speakNowOrder(), SEED.dialTimeoutSeconds(), SEED.recordings(),
                SEED.anotherLanguage(), SEED.whisper());

        FallbackTwiml fallback = FallbackTwiml.of(withArmenian);
        assertEquals(List.of(armenian), fallback.skipped());
        assertFalse(fallback.spoken().contains(armenian));
        assertTrue(fallback.template().contains("<!-- Armenian (hy-AM) is heard from recordings only"), fallback.template());
        assertEquals(Twiml.of(FallbackTwiml.of(SEED).template()).strings("//Say"),
                Twiml.of(fallback.template()).strings("//Say"), "nothing more is said");
    }

    @Test
    void aRecordedTextIsSpokenByTheVoiceSinceRecordingsAreServedByThisServer() {
        Language first = SEED.languages().stream().filter(Language::hasVoice).findFirst().orElseThrow();
        Map<String, Map<String, String>> recordings = new HashMap<>(SEED.recordings());
        recordings.put(first.code(), Map.of(RecordingSlots.words(PromptKey.ERROR_APOLOGY, 0, 0),
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.wav"));
        Catalog recorded = new Catalog(SEED.version(), SEED.languages(), SEED.defaultLanguage(), SEED.prompts(), SEED.lines(),
                SEED.timeZone(), SEED.hotlineLineId(), SEED.speakNowOrder(), SEED.dialTimeoutSeconds(), recordings,
                SEED.anotherLanguage(), SEED.whisper());
        String template = FallbackTwiml.of(recorded).template();
        assertFalse(template.contains("<Play"), template);
        assertEquals(FallbackTwiml.of(SEED).template(), template);
    }

    @Test
    void itsFingerprintChangesWithWhatCallersHearAndOnlyWithThat() {
        FallbackTwiml seed = FallbackTwiml.of(SEED);
        assertEquals(seed.fingerprint(), FallbackTwiml.of(SEED).fingerprint(), "the same content, the same fallback");
        assertEquals(seed.template(), FallbackTwiml.of(SEED.withVersion("v42")).template(),
                "a publish that changes nothing the fallback says asks for no new paste");
        assertTrue(seed.template().contains("Hotline fallback " + seed.fingerprint() + ":"), "named at the top of the Bin");

        Language first = SEED.languages().stream().filter(Language::hasVoice).findFirst().orElseThrow();
        Map<PromptKey, List<Template>> texts = new EnumMap<>(SEED.prompts(first).templates());
        texts.put(PromptKey.ERROR_APOLOGY, List.of(new Template(List.of(new hotline.catalog.Piece.Words("Sorry.")))));
        Map<String, Prompts> prompts = new HashMap<>(SEED.prompts());
        prompts.put(first.code(), new Prompts(first.code(), texts));
        FallbackTwiml reworded = FallbackTwiml.of(SEED.withPrompts(prompts));
        assertNotEquals(seed.fingerprint(), reworded.fingerprint());
        assertTrue(Twiml.of(reworded.template()).strings("//Say").contains("Sorry."));
    }

    @Test
    void bracesInATextCannotBecomeATemplateInTheBin() {
        Language first = SEED.languages().stream().filter(Language::hasVoice).findFirst().orElseThrow();
        Map<PromptKey, List<Template>> texts = new EnumMap<>(SEED.prompts(first).templates());
        texts.put(PromptKey.ERROR_APOLOGY, List.of(new Template(List.of(new hotline.catalog.Piece.Words("Sorry {{From}}.")))));
        Map<String, Prompts> prompts = new HashMap<>(SEED.prompts());
        prompts.put(first.code(), new Prompts(first.code(), texts));
        String template = FallbackTwiml.of(SEED.withPrompts(prompts)).template();
        assertFalse(template.contains("{{From}}"), template);
        assertTrue(template.contains("Sorry From."), template);
    }
}
