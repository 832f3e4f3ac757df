package hotline.voice;

import hotline.TestHotline;
import hotline.Twiml;
import hotline.simulator.CallRecord;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static hotline.TwimlAssertions.assertEveryAnswerValid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every line of the brochure's "who to call" section, in every language: offered in the directory, its number
 * said digit by digit twice before the transfer, and dialed exactly. The numbers below are copied from the
 * brochure as printed, so this test does not trust our own files.
 */
class ResourceLinesTest {
    private static final List<String> BROCHURE_NUMBERS = List.of(
            "(888) 373-7888", "(323) 526-5156", "(310) 477-6565", "(877) 275-5273", "(888) 539-2373",
            "(562) 445-6413", "(818) 988-4970", "(661) 255-7963", "(332) 379-4233", "(800) 222-8477",
            "(866) 347-2423", "(213) 257-2076", "(800) 380-3811");
    /**
     * The same numbers in the order the directory offers them: hotlines and victim services first, then the lines that
     * are, or report to, law enforcement (callers are warned before those).
     */
    private static final List<String> DIRECTORY_ORDER = List.of(
            "(888) 373-7888", "(888) 539-2373", "(213) 257-2076", "(800) 380-3811", "(818) 988-4970",
            "(661) 255-7963", "(332) 379-4233", "(800) 222-8477", "(323) 526-5156", "(877) 275-5273",
            "(310) 477-6565", "(562) 445-6413", "(866) 347-2423");
    /** What each language key's {@code <Say>} should be spoken in, by key 1 to 7 in the language menu. */
    private static final List<String> SAY_LANGUAGES = List.of("en-US", "es-US", "cmn-CN", "yue-HK", "fil-PH", "ko-KR", "vi-VN");
    private static final TestHotline hotline = TestHotline.shared();

    static Stream<Arguments> everyLineInEveryLanguage() {
        List<Arguments> cases = new ArrayList<>();
        for (String languageKey : languages().toList()) {
            for (int position = 0; position < DIRECTORY_ORDER.size(); position++) {
                cases.add(Arguments.of(languageKey, position, DIRECTORY_ORDER.get(position)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "language key {0}, line {1}: {2}")
    @MethodSource("everyLineInEveryLanguage")
    void eachLineIsOfferedSpokenTwiceAndDialedExactly(String languageKey, int position, String brochureNumber) {
        int page = position / Menus.LINES_PER_PAGE;
        String key = Integer.toString(position % Menus.LINES_PER_PAGE + 1);
        CallRecord call = hotline.call(languageKey + " 5 " + "8 ".repeat(page) + key + " answered");
        assertEveryAnswerValid(call);

        String digits = brochureNumber.replaceAll("[^0-9]", "");
        assertEquals(List.of("+1" + digits), call.dialed());

        Twiml transfer = Twiml.of(call.exchanges().get(3 + page).body());
        String spoken = transfer.spoken();
        String groups = digits.substring(0, 3).replace("", " ").trim() + ", "
                + digits.substring(3, 6).replace("", " ").trim() + ", " + digits.substring(6).replace("", " ").trim();
        assertEquals(2, spoken.split(groups, -1).length - 1, "the number said twice, digit by digit: " + spoken);
        String language = transfer.strings("//Say/@language").get(0);
        assertEquals(SAY_LANGUAGES.get(Integer.parseInt(languageKey) - 1), language);
    }

    @org.junit.jupiter.api.Test
    void theDirectoryHasEveryLineOfTheBrochureOnce() {
        assertEquals(new java.util.HashSet<>(BROCHURE_NUMBERS), new java.util.HashSet<>(DIRECTORY_ORDER));
        assertEquals(BROCHURE_NUMBERS.size(), DIRECTORY_ORDER.size());
    }

    @ParameterizedTest(name = "language key {0}")
    @MethodSource("languages")
    void theProgramsCentralOfficeAddressIsSpokenBeforeTheTransfer(String languageKey) {
        CallRecord call = hotline.call(languageKey + " 5 3 answered");
        assertEquals(List.of("+12132572076"), call.dialed());
        String spoken = Twiml.of(call.exchanges().get(3).body()).spoken();
        assertTrue(spoken.contains("210") && spoken.contains("1 2, 5 1 4") && spoken.contains("9 0 0 1 2"),
                "the room digit by digit, never \"12-514\": " + spoken);
    }

    static Stream<String> languages() {
        return Stream.iterate(1, key -> key <= SAY_LANGUAGES.size(), key -> key + 1).map(String::valueOf);
    }
}
