package hotline.catalog;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A translated figure must be the default language's figure. Proved by mutation: changing any one figure of any
 * segment, in any language of the seed content, must stop a publish, naming that segment.
 */
class FiguresTest {
    private static final CatalogSource SEED = PromptDirectory.read(Path.of("prompts"));
    private static final Pattern DIGIT = Pattern.compile("\\d");

    @Test
    void figuresAreReadTheSameInEveryScript() {
        assertEquals(List.of("600000", "800000", "80%"), Figures.of("600,000 to 800,000 people; 80% of them"));
        assertEquals(List.of("600000", "800000", "80%"), Figures.of("entre 600 mil y 800 mil personas. El 80%"));
        assertEquals(List.of("600000", "800000", "80%"), Figures.of("每年有 60万 至 80万 人被跨国贩卖，其中 80% 是女性"));
        assertEquals(List.of("600000", "800000", "80%"), Figures.of("매년 60만에서 80만 명이, 그중 80%는"));
        assertEquals(List.of("600000", "800000", "80%"), Figures.of("từ 600.000 đến 800.000 người, 80 %"));
        assertEquals(List.of("911", "12514", "12", "14"), Figures.of("dial 9 1 1, room 1 2, 5 1 4; ages 12 to 14"));
        assertEquals(List.of("213"), Figures.of("２１３"), "full-width digits");
    }

    @TestFactory
    List<DynamicTest> changingAnyOneFigureOfAnySegmentStopsAPublish() {
        assertTrue(CatalogValidator.check(SEED).ok(), "the seed itself passes: " + CatalogValidator.check(SEED).errors());
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, Boolean> offered = new LinkedHashMap<>();
        SEED.languages().languages().forEach(l -> offered.put(l.code(), l.offered()));
        SEED.prompts().forEach((language, texts) -> texts.forEach((path, value) -> {
            if (!offered.getOrDefault(language, false) || path.startsWith("speech_words.")) {
                return;
            }
            List<String> segments = value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                String words = segment.replaceAll("\\{[^}]*}", "");
                Matcher digit = DIGIT.matcher(words);
                if (!digit.find()) {
                    continue;
                }
                int index = i;
                String where = value instanceof List<?> ? path + "[" + i + "]" : path;
                tests.add(DynamicTest.dynamicTest(language + " " + where, () -> {
                    CatalogCheck check = CatalogValidator.check(withSegment(language, path, index, changedFigure(segment)));
                    assertFalse(check.ok(), "a changed figure in " + language + " " + where + " was not caught");
                    String problems = check.errors().toString();
                    String blamed = language.equals(SEED.languages().defaultLanguage()) ? "" : language + ".yaml: " + where;
                    assertTrue(problems.contains(blamed) && problems.contains("figures"), problems);
                }));
            }
        }));
        offered.forEach((language, isOffered) -> assertTrue(!isOffered || tests.stream()
                .filter(t -> t.getDisplayName().startsWith(language + " ")).count() >= 5, language + " has figures to check"));
        return tests;
    }

    @Test
    void swappingTwoFiguresOfTheDefaultLanguageIsCaught() {
        String swapped = "An estimated 20% of human trafficking involves sexual exploitation, and 80% involves labor exploitation.";
        CatalogCheck check = CatalogValidator.check(withSegment("en-US", "topics.facts", 1, swapped));
        assertFalse(check.ok());
        assertTrue(check.errors().toString().contains("es-US.yaml: topics.facts[1]: its figures (80%, 20%) differ from en-US's (20%, 80%)"),
                check.errors().toString());
    }

    @Test
    void aTopicWithAnItemMoreOrLessThanTheDefaultLanguageIsRefused() {
        @SuppressWarnings("unchecked")
        List<Object> facts = new ArrayList<>((List<Object>) SEED.prompts().get("es-US").get("topics.facts"));
        facts.remove(0);
        Map<String, Object> texts = new LinkedHashMap<>(SEED.prompts().get("es-US"));
        texts.put("topics.facts", facts);
        Map<String, Map<String, Object>> prompts = new LinkedHashMap<>(SEED.prompts());
        prompts.put("es-US", texts);
        String problems = CatalogValidator.check(SEED.withPrompts(prompts)).errors().toString();
        assertTrue(problems.contains("es-US.yaml: topics.facts: has 3 items, and en-US.yaml has 4"), problems);
    }

    /** The segment with its first digit changed to another: 80% becomes 90%, 9 1 1 becomes 0 1 1. */
    private static String changedFigure(String segment) {
        StringBuilder changed = new StringBuilder(segment);
        Matcher digit = DIGIT.matcher(Pattern.compile("\\{[^}]*}").matcher(segment).replaceAll(m -> "_".repeat(m.group().length())));
        digit.find();
        char was = segment.charAt(digit.start());
        changed.setCharAt(digit.start(), was == '9' ? '0' : (char) (was + 1));
        return changed.toString();
    }

    @SuppressWarnings("unchecked")
    private static CatalogSource withSegment(String language, String path, int index, String text) {
        Map<String, Object> texts = new LinkedHashMap<>(SEED.prompts().get(language));
        Object value = texts.get(path);
        if (value instanceof List<?> list) {
            List<Object> segments = new ArrayList<>((List<Object>) list);
            segments.set(index, text);
            texts.put(path, segments);
        } else {
            texts.put(path, text);
        }
        Map<String, Map<String, Object>> prompts = new LinkedHashMap<>(SEED.prompts());
        prompts.put(language, texts);
        return SEED.withPrompts(prompts);
    }
}
