package hotline.admin;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recording's piece in words ("Safety sentence that opens the main menu, part 2 of its words"), instead of its slot
 * name ({@code main_menu.safety#0.1}), which pages keep for small print.
 */
public final class RecordingPieces {
    private static final Pattern WORDS = Pattern.compile("(.+)#(\\d+)\\.(\\d+)");

    private RecordingPieces() {
    }

    /** @param lineName a line's name from its id */
    public static String describe(String slot, UnaryOperator<String> lineName) {
        Matcher words = WORDS.matcher(slot);
        if (words.matches()) {
            String key = words.group(1);
            int segment = Integer.parseInt(words.group(2));
            int piece = Integer.parseInt(words.group(3));
            boolean topic = key.startsWith("topics.");
            return PromptLabels.withSection(key) + (topic ? ", paragraph " + (segment + 1) : "")
                    + ", words " + (piece + 1);
        }
        if (slot.startsWith("digit.")) {
            return "The digit " + slot.substring("digit.".length());
        }
        if (slot.startsWith("line.")) {
            return "The name of " + lineName.apply(slot.substring("line.".length()));
        }
        if (slot.startsWith("note.")) {
            return "Said before a transfer to " + lineName.apply(slot.substring("note.".length()));
        }
        return slot;
    }
}
