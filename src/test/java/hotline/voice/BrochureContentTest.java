package hotline.voice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import hotline.TestHotline;
import hotline.Twiml;
import hotline.simulator.CallRecord;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static hotline.TwimlAssertions.assertEveryAnswerValid;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every item of the brochure reaches callers in every language: each topic is reached by keys, as a caller would,
 * and what is spoken must contain the words listed for it in {@code brochure-checklist.yaml}.
 */
class BrochureContentTest {
    private static final Map<String, String> TOPIC_KEYS = Map.of(
            "facts", "1", "what_is", "2 1", "sex_trafficking", "2 2", "labor_trafficking", "2 3",
            "services", "3", "reporting", "4");
    private static final TestHotline hotline = TestHotline.shared();

    @TestFactory
    List<DynamicTest> everyBrochureItemIsHeardInEveryLanguage() throws IOException {
        Map<String, Map<String, Map<String, List<String>>>> checklist;
        try (InputStream in = getClass().getResourceAsStream("/brochure-checklist.yaml")) {
            checklist = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
        }
        Map<String, String> languageKeys = offeredLanguageKeys();
        List<DynamicTest> tests = new ArrayList<>();
        checklist.forEach((topic, items) -> languageKeys.forEach((language, key) -> {
            String script = key + " " + TOPIC_KEYS.get(topic);
            items.forEach((item, words) -> tests.add(DynamicTest.dynamicTest(language + " / " + topic + " / " + item, () -> {
                CallRecord call = hotline.call(script);
                assertEveryAnswerValid(call);
                String heard = Twiml.of(call.lastAnswer().body()).spoken();
                assertNotNull(words.get(language), "brochure-checklist.yaml has no words for " + language + " in " + item);
                for (String word : words.get(language)) {
                    assertTrue(heard.contains(word), "\"" + word + "\" not heard in " + language + " " + topic + ":\n" + heard);
                }
            })));
        }));
        return tests;
    }

    /** Language code to the key that chooses it, for every language the seed prompts offer: a new one needs its checklist. */
    private static Map<String, String> offeredLanguageKeys() throws IOException {
        Map<String, Object> languagesFile = new ObjectMapper(new YAMLFactory())
                .readValue(TestHotline.SEED_PROMPTS.resolve("languages.yaml").toFile(), Map.class);
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map<String, Object> language : (List<Map<String, Object>>) languagesFile.get("languages")) {
            if (!Boolean.FALSE.equals(language.get("enabled"))) {
                keys.put((String) language.get("code"), (String) language.get("key"));
            }
        }
        assertTrue(keys.size() >= 7, "expected the seven seed languages, found " + keys.keySet());
        return keys;
    }
}
