package hotline.catalog;

import hotline.catalog.CatalogSource.LineEntry;
import hotline.catalog.CatalogSource.LinesFile;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks each translation against the default language, text by text and segment by segment: the same number of
 * segments in every topic, and the same figures in each, in the same order. A translated figure is the one error a
 * listener cannot catch and a reviewer easily misses ("80% women" for "80% women and girls" passes a read-through;
 * "20%" for "80%" must not).
 */
final class Translations {
    private Translations() {
    }

    /**
     * @param prompts every language's checked texts, the default one among them
     * @param offered problems in these languages are errors; in the others (not offered yet), warnings
     */
    static void check(String defaultCode, Map<String, Prompts> prompts, Set<String> offered, LinesFile lines,
                      List<CatalogProblem> errors, List<CatalogProblem> warnings) {
        Prompts reference = prompts.get(defaultCode);
        prompts.forEach((code, translation) -> {
            if (code.equals(defaultCode)) {
                return;
            }
            List<CatalogProblem> problems = offered.contains(code) ? errors : warnings;
            String file = CatalogSource.promptFile(code);
            for (PromptKey key : PromptKey.values()) {
                List<Template> expected = reference.templates().get(key);
                List<Template> actual = translation.templates().get(key);
                if (key.kind() == PromptKey.Kind.HEARD || expected == null || actual == null) {
                    continue;
                }
                if (expected.size() != actual.size()) {
                    problems.add(CatalogProblem.wording(file, key.path(), "has " + actual.size() + " items, and "
                            + CatalogSource.promptFile(defaultCode) + " has " + expected.size()
                            + "; keep the same items, so that each can be checked against the other"));
                    continue;
                }
                for (int i = 0; i < actual.size(); i++) {
                    String where = key.kind() == PromptKey.Kind.SEGMENTS ? key.path() + "[" + i + "]" : key.path();
                    compare(words(expected.get(i)), words(actual.get(i)), defaultCode, file, where, problems);
                }
            }
        });
        if (lines != null && lines.lines() != null) {
            for (LineEntry line : lines.lines()) {
                String label = "lines (" + line.id() + ")";
                compareAll(line.names(), defaultCode, label + ".names.", offered, errors, warnings);
                compareAll(line.notes(), defaultCode, label + ".notes.", offered, errors, warnings);
            }
        }
    }

    private static void compareAll(Map<String, String> texts, String defaultCode, String where, Set<String> offered,
                                   List<CatalogProblem> errors, List<CatalogProblem> warnings) {
        if (texts == null || texts.get(defaultCode) == null) {
            return;
        }
        texts.forEach((code, text) -> {
            if (!code.equals(defaultCode) && text != null) {
                compare(texts.get(defaultCode), text, defaultCode, CatalogSource.LINES_FILE, where + code,
                        offered.contains(code) ? errors : warnings);
            }
        });
    }

    private static void compare(String expected, String actual, String defaultCode, String file, String where,
                                List<CatalogProblem> problems) {
        List<String> want = Figures.of(expected);
        List<String> have = Figures.of(actual);
        if (!want.equals(have)) {
            problems.add(CatalogProblem.wording(file, where, "its figures (" + shown(have) + ") differ from "
                    + defaultCode + "'s (" + shown(want) + "); a translation must give the same figures, in the same order"));
        }
    }

    /** The words a text says, without its placeholders: phone numbers come from lines.yaml, the same in every language. */
    private static String words(Template template) {
        return String.join(" ", template.words());
    }

    private static String shown(List<String> figures) {
        return figures.isEmpty() ? "none" : String.join(", ", figures);
    }
}
