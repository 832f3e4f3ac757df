package hotline.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A file that YAML cannot read, explained in words for the person who edited it (often a translator in a text editor),
 * with the line to look at: "on line 12 (busy: "Esa línea...), a text in quotation marks is not closed", instead of
 * the parser's "while scanning a quoted scalar ... found unexpected end of stream".
 */
final class YamlMistakes {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Files longer than this are not searched line by line for where the mistake begins. */
    private static final int SEARCHED_LINES = 3000;

    /** What the parser says, and what it means for someone editing a prompt file. */
    private record Meaning(String said, String meaning) {
    }

    private static final List<Meaning> MEANINGS = List.of(
            new Meaning("found character '\\t'", "there is a tab: indent with spaces only"),
            new Meaning("quoted scalar", "a text in quotation marks is not closed: a \" or ' is missing at its end"),
            new Meaning("unknown escape character", "there is a backslash (\\) in a text in double quotation marks: write it twice (\\\\),"
                    + " or use single quotation marks"),
            new Meaning("flow sequence", "a list that opens with [ is not closed with ]"),
            new Meaning("flow mapping", "a { is not closed with }"),
            new Meaning("flow", "a list that opens with [ (or a {) is not closed with ] (or })"),
            new Meaning("mapping values are not allowed", "a text has a colon followed by a space (\": \"): put the whole text in"
                    + " quotation marks"),
            new Meaning("could not find expected ':'", "a line has no colon: each line is a name, a colon, then its text"),
            new Meaning("simple key", "a line has no colon: each line is a name, a colon, then its text"),
            new Meaning("block mapping", "the indentation does not line up: each name in a section must start in the same column"
                    + " as the others, with spaces"),
            new Meaning("block end", "the indentation does not line up: each name in a section must start in the same column"
                    + " as the others, with spaces"),
            new Meaning("duplicate", "a name appears twice in the same section"));

    private YamlMistakes() {
    }

    /**
     * The mistake in words, with the line where it begins and that line's text. The parser often notices a missing
     * quotation mark or bracket only lines later, where what follows no longer fits; so the line is found by reading
     * ever longer beginnings of the file: the mistake begins on the line after the longest beginning that reads well
     * and from which every longer one fails.
     */
    static String explain(JsonProcessingException e, String text) {
        String[] lines = text.split("\\R", -1);
        int line = 0;
        JsonProcessingException there = e;
        if (lines.length <= SEARCHED_LINES) {
            int lastGood = 0;
            JsonProcessingException firstBad = null;
            for (int k = 1; k <= lines.length; k++) {
                try {
                    YAML.readTree(String.join("\n", Arrays.copyOfRange(lines, 0, k)));
                    lastGood = k;
                    firstBad = null;
                } catch (JsonProcessingException bad) {
                    firstBad = firstBad == null ? bad : firstBad;
                }
            }
            if (firstBad != null && lastGood < lines.length) {
                line = lastGood + 1;
                there = firstBad;
            }
        }
        if (line == 0 && e.getLocation() != null) {
            line = e.getLocation().getLineNr();
        }
        String said = String.valueOf(there.getOriginalMessage()).toLowerCase(Locale.ROOT);
        String meaning = MEANINGS.stream().filter(m -> said.contains(m.said().toLowerCase(Locale.ROOT))).findFirst()
                .map(Meaning::meaning).orElse("it is not written the way a prompt file must be");
        if (line < 1 || line > lines.length) {
            return "cannot be read: " + meaning + ". Nothing was imported.";
        }
        String shown = lines[line - 1].strip();
        String quoted = shown.length() > 60 ? shown.substring(0, 60) + "…" : shown;
        return "cannot be read: on line " + line + (quoted.isEmpty() ? "" : " (" + quoted + ")") + ", " + meaning
                + ". Fix it in a text editor, then import it again. Nothing was imported.";
    }
}
